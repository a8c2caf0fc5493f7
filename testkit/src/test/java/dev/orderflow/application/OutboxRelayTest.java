package dev.orderflow.application;

import static dev.orderflow.testkit.contract.ContractFixtures.ADDRESS;
import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static dev.orderflow.testkit.contract.ContractFixtures.lines;
import static dev.orderflow.testkit.contract.ContractFixtures.newCustomer;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.OutboxRelay.Outcome;
import dev.orderflow.application.memory.InMemoryEventPublisher;
import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T09:00:00Z"));
    private final OrderStorage storage = InMemoryStorage.create();
    private final InMemoryEventPublisher sink = new InMemoryEventPublisher();

    /** A publisher that answers as scripted and passes what it acknowledges on to {@link #sink}. */
    private final class ScriptedPublisher implements EventPublisher {
        private final Function<List<OutboxEntry>, Publication> script;

        ScriptedPublisher(Function<List<OutboxEntry>, Publication> script) {
            this.script = script;
        }

        @Override
        public Publication publish(List<OutboxEntry> entries) {
            var publication = script.apply(entries);
            var acknowledged = Set.copyOf(publication.acknowledged());
            sink.publish(entries.stream().filter(entry -> acknowledged.contains(entry.sequence())).toList());
            return publication;
        }
    }

    private OutboxRelay relay(EventPublisher publisher, int batchSize) {
        return new OutboxRelay(storage.outbox(), publisher, clock,
                new OutboxRelay.Settings(batchSize, Duration.ofSeconds(30)));
    }

    private List<OrderEvent> recorded(List<List<OrderEvent>> lives) {
        var all = new ArrayList<OrderEvent>();
        lives.forEach(all::addAll);
        storage.outbox().append(all);
        return all;
    }

    @Test
    void an_empty_outbox_leaves_the_relay_idle() {
        assertEquals(new Outcome.Idle(), relay(sink, 10).relayBatch());
    }

    @Test
    void batches_are_published_in_sequence_order_and_leave_the_backlog() {
        var events = recorded(List.of(deliveredLife(newId()), deliveredLife(newId())));
        var relay = relay(sink, 3);
        assertEquals(new Outcome.Published(3), relay.relayBatch());
        assertEquals(new Outcome.Published(3), relay.relayBatch());
        assertEquals(new Outcome.Published(2), relay.relayBatch());
        assertEquals(new Outcome.Idle(), relay.relayBatch());
        assertEquals(events, sink.events());
        assertEquals(0, storage.outbox().backlog().size());
    }

    @Test
    void an_unreachable_publisher_leaves_the_batch_for_the_next_round() {
        var events = recorded(List.of(deliveredLife(newId())));
        var down = new ScriptedPublisher(entries -> {
            throw new EventPublisher.PublisherUnavailableException("broker down", null);
        });
        assertEquals(new Outcome.Failed(0, 4, "broker down"), relay(down, 10).relayBatch());
        assertEquals(4, storage.outbox().backlog().size());

        assertEquals(4, relay(sink, 10).drain(), "the batch is handed out again at once");
        assertEquals(events, sink.events());
    }

    @Test
    void after_a_partial_publication_only_each_order_s_acknowledged_prefix_counts_as_published() {
        var first = deliveredLife(newId());
        var second = deliveredLife(newId());
        recorded(List.of(first, second));
        // the first order's second event fails; its third and fourth were acknowledged all the same
        var partly = new ScriptedPublisher(entries -> new EventPublisher.Publication.Partial(
                entries.stream().filter(entry -> entry.event() != first.get(1)).map(OutboxEntry::sequence).toList(),
                "timed out"));
        assertEquals(new Outcome.Failed(5, 3, "timed out"), relay(partly, 10).relayBatch());
        assertEquals(3, storage.outbox().backlog().size());

        var again = new InMemoryEventPublisher();
        relay(again, 10).drain();
        assertEquals(first.subList(1, 4), again.events(), "the gap and everything after it is published again");
    }

    @Test
    void a_publisher_bug_is_rethrown_and_the_batch_handed_out_again() {
        recorded(List.of(deliveredLife(newId())));
        var bug = new IllegalStateException("bug");
        var broken = new ScriptedPublisher(entries -> {
            throw bug;
        });
        assertSame(bug, assertThrows(IllegalStateException.class, () -> relay(broken, 10).relayBatch()));
        assertEquals(4, relay(sink, 10).drain());
    }

    @Test
    void events_of_placed_orders_reach_the_publisher_through_the_service() {
        var service = new OrderService(storage, clock, new TimeOrderedIds(clock));
        var placed = assertInstanceOf(CommandResult.Accepted.class, service.place(
                new NewOrder(newCustomer(), lines(), ADDRESS, new Actor.System("test"))));
        assertEquals(1, new OutboxRelay(storage.outbox(), sink, clock).drain());
        assertEquals(placed.events(), sink.events());
    }
}
