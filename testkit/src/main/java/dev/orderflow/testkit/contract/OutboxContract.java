package dev.orderflow.testkit.contract;

import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.event;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orderflow.application.port.out.Outbox}. */
public abstract class OutboxContract extends PortContract<Outbox> {

    private static final Duration LEASE = Duration.ofSeconds(30);

    /** How many entries the parallel claim test publishes; database adapters may ask for more. */
    protected int parallelClaimEntries() {
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

    @Test
    void entries_exist_exactly_for_committed_events_in_append_order() {
        var committed = events(3, 2);
        transactions.inTransaction(() -> {
            outbox().append(committed);
            return null;
        });
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            outbox().append(events(2, 1));
            throw new IllegalStateException("rolled back");
        }));
        var claimed = outbox().claim(100, T0, LEASE);
        assertEquals(committed, eventsOf(claimed));
        var sorted = new ArrayList<>(sequences(claimed));
        Collections.sort(sorted);
        assertEquals(sorted, sequences(claimed));
        assertEquals(new Outbox.Backlog(6, Optional.of(committed.getFirst().occurredAt())).size(),
                outbox().backlog().size());
    }

    @Test
    void claimed_entries_are_not_claimed_again_until_the_lease_ends_or_they_are_released() {
        outbox().append(events(4, 1));
        var first = outbox().claim(2, T0, LEASE);
        assertEquals(2, first.size());
        var second = outbox().claim(10, T0.plusSeconds(1), LEASE);
        assertEquals(2, second.size());
        assertTrue(Collections.disjoint(sequences(first), sequences(second)));
        assertEquals(List.of(), outbox().claim(10, T0.plusSeconds(2), LEASE));

        outbox().release(sequences(first));
        assertEquals(sequences(first), sequences(outbox().claim(10, T0.plusSeconds(3), LEASE)));
        var afterLease = outbox().claim(10, T0.plusSeconds(1).plus(LEASE).plusMillis(1), LEASE);
        assertEquals(sequences(second), sequences(afterLease));
    }

    @Test
    void published_entries_are_never_claimed_again_and_leave_the_backlog() {
        var events = events(3, 1);
        outbox().append(events);
        var claimed = outbox().claim(10, T0, LEASE);
        outbox().markPublished(sequences(claimed).subList(0, 2), T0.plusSeconds(1));
        var later = outbox().claim(10, T0.plus(LEASE).plusSeconds(5), LEASE);
        assertEquals(List.of(claimed.get(2)), later);
        var backlog = outbox().backlog();
        assertEquals(1, backlog.size());
        assertEquals(Optional.of(events.get(2).occurredAt()), backlog.oldestRecordedAt());
    }

    @Test
    void an_order_entry_is_not_claimed_while_an_earlier_entry_of_the_same_order_is_claimed_elsewhere() {
        var id = newId();
        var other = newId();
        outbox().append(List.of(event(id, 1)));
        outbox().append(List.of(event(other, 1)));
        outbox().append(List.of(event(id, 2)));
        var first = outbox().claim(1, T0, LEASE);
        assertEquals(event(id, 1), first.getFirst().event());
        var second = outbox().claim(10, T0, LEASE);
        assertEquals(List.of(event(other, 1)), eventsOf(second), "version 2 must wait for version 1");
        outbox().markPublished(sequences(first), T0);
        assertEquals(List.of(event(id, 2)), eventsOf(outbox().claim(10, T0, LEASE)));
    }

    @Test
    void one_claim_may_take_several_entries_of_one_order_in_order() {
        var events = events(1, 3);
        outbox().append(events);
        assertEquals(events, eventsOf(outbox().claim(10, T0, LEASE)));
    }

    @Test
    void parallel_claimers_claim_every_entry_exactly_once() throws Exception {
        int count = parallelClaimEntries();
        var all = events(count / 2, 2);
        for (int from = 0; from < all.size(); from += 500) {
            outbox().append(all.subList(from, Math.min(all.size(), from + 500)));
        }
        var claims = new ConcurrentHashMap<Long, AtomicInteger>();
        var perOrderOrder = new ConcurrentHashMap<String, Boolean>();
        Concurrently.times(2, () -> {
            Instant now = T0;
            while (true) {
                var batch = outbox().claim(100, now, Duration.ofHours(1));
                if (batch.isEmpty()) {
                    // entries of orders whose first entry the other claimer holds may wait for it
                    if (outbox().backlog().size() == 0) {
                        return null;
                    }
                    Thread.sleep(5);
                    continue;
                }
                var seen = new HashMap<String, Long>();
                for (var entry : batch) {
                    claims.computeIfAbsent(entry.sequence(), s -> new AtomicInteger()).incrementAndGet();
                    var previous = seen.put(entry.event().orderId().toString(), entry.event().version());
                    if (previous != null && previous >= entry.event().version()) {
                        perOrderOrder.put(entry.event().orderId().toString(), false);
                    }
                }
                outbox().markPublished(sequences(batch), now);
            }
        });
        assertEquals(count, claims.size(), "entries claimed");
        assertTrue(claims.values().stream().allMatch(c -> c.get() == 1), "an entry was claimed twice");
        assertEquals(Optional.empty(), perOrderOrder.keySet().stream().findAny());
        assertEquals(0, outbox().backlog().size());
    }

    @Test
    void an_entry_marked_published_twice_keeps_its_first_publication_time() {
        outbox().append(events(1, 1));
        var claimed = sequences(outbox().claim(10, T0, LEASE));
        outbox().markPublished(claimed, T0);
        outbox().markPublished(claimed, T0.plusSeconds(100));
        outbox().release(claimed);
        assertEquals(List.of(), outbox().claim(10, T0, LEASE), "a published entry stays published");
        assertEquals(1, outbox().deletePublishedBefore(T0.plusSeconds(50)));
    }

    @Test
    void retention_deletes_only_entries_published_before_the_cut_off() {
        outbox().append(events(3, 1));
        var claimed = outbox().claim(10, T0, LEASE);
        outbox().markPublished(List.of(claimed.get(0).sequence()), T0);
        outbox().markPublished(List.of(claimed.get(1).sequence()), T0.plusSeconds(100));
        assertEquals(1, outbox().deletePublishedBefore(T0.plusSeconds(50)));
        assertEquals(0, outbox().deletePublishedBefore(T0.plusSeconds(50)));
        assertEquals(1, outbox().deletePublishedBefore(T0.plusSeconds(500)));
        assertEquals(1, outbox().backlog().size(), "the unpublished entry stays");
        outbox().release(List.of(claimed.get(2).sequence()));
        assertEquals(List.of(claimed.get(2)), outbox().claim(10, T0, LEASE));
    }
}
