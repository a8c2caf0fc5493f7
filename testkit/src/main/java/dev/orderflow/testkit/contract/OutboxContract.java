package dev.orderflow.testkit.contract;

import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.event;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orderflow.application.port.out.Outbox}. */
public abstract class OutboxContract extends PortContract<Outbox> {

    private static final Duration HOLD = Duration.ofSeconds(30);

    /** How many entries the parallel relay test publishes; database adapters may ask for more. */
    protected int parallelRelayEntries() {
        return 2_000;
    }

    private Outbox outbox() {
        return port;
    }

    private static List<OrderEvent> events(int orders, int perOrder) {
        var events = new ArrayList<OrderEvent>();
        for (int o = 0; o < orders; o++) {
            var id = newId();
            for (int v = 1; v <= perOrder; v++) {
                events.add(event(id, v));
            }
        }
        return events;
    }

    private static List<OrderEvent> eventsOf(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::event).toList();
    }

    private static List<Long> sequences(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::sequence).toList();
    }

    /** One relay call that publishes what it is handed, or none of it; returns the batch (empty if none). */
    private List<OutboxEntry> relayOnce(int max, boolean publish) {
        var batch = new ArrayList<OutboxEntry>();
        outbox().relay(max, HOLD, handed -> {
            batch.addAll(handed);
            return publish ? ContractFixtures.everyEntry(handed, T0) : new Outbox.Published(List.of(), T0);
        });
        return batch;
    }

    /** Whether each batch is in ascending sequence order and each order's entries came in version order. */
    private static void assertOrdered(List<List<OutboxEntry>> batches) {
        var lastVersion = new HashMap<OrderId, Long>();
        for (var batch : batches) {
            var sorted = new ArrayList<>(sequences(batch));
            Collections.sort(sorted);
            assertEquals(sorted, sequences(batch), "a batch in sequence order");
            for (var entry : batch) {
                var previous = lastVersion.put(entry.orderId(), entry.event().version());
                assertTrue(previous == null || previous < entry.event().version(),
                        "an order's entries in version order: " + entry.event());
            }
        }
    }

    @Test
    void entries_exist_exactly_for_committed_events_and_each_order_s_come_in_order() {
        var committed = events(3, 2);
        transactions.inTransaction(() -> {
            outbox().append(committed);
            return null;
        });
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            outbox().append(events(2, 1));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(new Outbox.Backlog(6, Optional.of(committed.getFirst().occurredAt())), outbox().backlog());

        var batches = new ArrayList<List<OutboxEntry>>();
        for (var batch = relayOnce(100, true); !batch.isEmpty(); batch = relayOnce(100, true)) {
            batches.add(batch);
        }
        assertOrdered(batches);
        var relayed = batches.stream().flatMap(List::stream).map(OutboxEntry::event).toList();
        assertEquals(committed.size(), relayed.size());
        assertTrue(relayed.containsAll(committed), "every committed event, and only those");
        assertEquals(new Outbox.Backlog(0, Optional.empty()), outbox().backlog());
    }

    @Test
    void an_empty_outbox_calls_no_publisher() {
        assertEquals(0, outbox().relay(10, HOLD, batch -> {
            throw new AssertionError("called with " + batch);
        }));
    }

    @Test
    void one_batch_takes_an_order_s_entries_in_order_up_to_the_maximum() {
        var events = events(1, 3);
        outbox().append(events);
        assertEquals(events.subList(0, 2), eventsOf(relayOnce(2, true)));
        assertEquals(events.subList(2, 3), eventsOf(relayOnce(10, true)));
        assertEquals(List.of(), relayOnce(10, true));
    }

    @Test
    void entries_that_were_not_published_are_handed_out_again() {
        var events = events(1, 3);
        outbox().append(events);
        var batch = new ArrayList<OutboxEntry>();
        assertEquals(3, outbox().relay(10, HOLD, handed -> {
            batch.addAll(handed);
            return new Outbox.Published(List.of(handed.getFirst().sequence()), T0);
        }));
        assertEquals(events, eventsOf(batch));
        assertEquals(events.subList(1, 3), eventsOf(relayOnce(10, false)), "not published: handed out again");
        assertEquals(events.subList(1, 3), eventsOf(relayOnce(10, true)));
        assertEquals(new Outbox.Backlog(0, Optional.empty()), outbox().backlog());
    }

    @Test
    void when_publishing_fails_nothing_is_marked_and_the_failure_reaches_the_caller() {
        var events = events(1, 2);
        outbox().append(events);
        var failure = new IllegalStateException("publisher broke");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> outbox().relay(10, HOLD, batch -> {
            throw failure;
        })));
        assertEquals(2, outbox().backlog().size());
        assertEquals(events, eventsOf(relayOnce(10, true)), "handed out again at once");
    }

    @Test
    void no_other_relay_is_handed_an_entry_of_an_order_that_a_relay_holds() throws Exception {
        var held = events(1, 2);
        outbox().append(held);
        outbox().append(events(20, 1));
        var holding = new CountDownLatch(1);
        var done = new CountDownLatch(1);
        try (var thread = Executors.newSingleThreadExecutor()) {
            var first = thread.submit(() -> outbox().relay(1, HOLD, batch -> {
                holding.countDown();
                Concurrently.await(done);
                return new Outbox.Published(List.of(batch.getFirst().sequence()), T0);
            }));
            Concurrently.await(holding);
            var meanwhile = relayOnce(100, false);
            assertTrue(meanwhile.stream().noneMatch(entry -> entry.orderId().equals(held.getFirst().orderId())),
                    "the held order's second entry waits: " + meanwhile);
            done.countDown();
            assertEquals(1, first.get(1, TimeUnit.MINUTES));
        }
        var rest = ContractFixtures.publishAll(outbox(), T0);
        assertEquals(21, rest.size());
        assertTrue(eventsOf(rest).contains(held.get(1)), "handed out once the first relay finished");
    }

    @Test
    void parallel_relays_publish_every_entry_exactly_once_and_each_order_s_in_order() throws Exception {
        int count = parallelRelayEntries();
        var all = events(count / 2, 2);
        for (int from = 0; from < all.size(); from += 500) {
            outbox().append(all.subList(from, Math.min(all.size(), from + 500)));
        }
        var published = new ConcurrentHashMap<Long, AtomicInteger>();
        var publishedVersions = new ConcurrentHashMap<OrderId, List<Long>>();
        Concurrently.times(2, () -> {
            while (outbox().backlog().size() > 0) {
                outbox().relay(100, HOLD, batch -> {
                    for (var entry : batch) {
                        published.computeIfAbsent(entry.sequence(), s -> new AtomicInteger()).incrementAndGet();
                        publishedVersions.computeIfAbsent(entry.orderId(), o -> Collections.synchronizedList(
                                new ArrayList<>())).add(entry.event().version());
                    }
                    return ContractFixtures.everyEntry(batch, T0);
                });
            }
            return null;
        });
        assertEquals(count, published.size(), "entries published");
        assertTrue(published.values().stream().allMatch(c -> c.get() == 1), "an entry was handed out twice");
        Map<OrderId, List<Long>> outOfOrder = new HashMap<>(publishedVersions);
        outOfOrder.values().removeIf(versions -> versions.equals(List.of(1L, 2L)));
        assertEquals(Map.of(), outOfOrder, "orders whose events were not published as version 1, then 2");
    }

    @Test
    void retention_deletes_only_entries_published_before_the_cut_off() {
        var events = events(1, 3);
        outbox().append(events);
        publishFirst(T0);
        publishFirst(T0.plusSeconds(100));
        assertEquals(1, outbox().deletePublishedBefore(T0.plusSeconds(50)));
        assertEquals(0, outbox().deletePublishedBefore(T0.plusSeconds(50)));
        assertEquals(1, outbox().deletePublishedBefore(T0.plusSeconds(500)));
        assertEquals(new Outbox.Backlog(1, Optional.of(events.get(2).occurredAt())), outbox().backlog(),
                "the unpublished entry stays");
        assertEquals(events.subList(2, 3), eventsOf(relayOnce(10, true)));
    }

    /** Publishes the first entry of the next batch at {@code at}. */
    private void publishFirst(Instant at) {
        outbox().relay(10, HOLD, batch -> new Outbox.Published(List.of(batch.getFirst().sequence()), at));
    }

    @Test
    void a_batch_of_no_entries_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> outbox().relay(0, HOLD, batch -> {
            throw new AssertionError("called");
        }));
    }
}
