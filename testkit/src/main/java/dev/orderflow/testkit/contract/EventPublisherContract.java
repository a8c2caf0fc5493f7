package dev.orderflow.testkit.contract;

import static dev.orderflow.testkit.contract.ContractFixtures.cancelledLife;
import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.application.port.out.EventPublisher.Publication;
import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventPublisher}: what every publisher guarantees, whatever its destination. A
 * subclass supplies the publisher and a way to read back what its destination received.
 */
public abstract class EventPublisherContract {

    private final AtomicLong sequences = new AtomicLong();

    /** The publisher under test. */
    protected abstract EventPublisher publisher();

    /**
     * The events of the given orders that the destination received, in the order a reader sees them; waits
     * until at least {@code expected} arrived, or for a time long enough that more will not come.
     */
    protected abstract List<OrderEvent> received(Set<OrderId> orders, int expected);

    private List<OutboxEntry> entries(List<OrderEvent> events) {
        return events.stream().map(event -> new OutboxEntry(sequences.incrementAndGet(), event)).toList();
    }

    /** The events of several orders, interleaved as concurrent orders' events are in an outbox. */
    private static List<OrderEvent> interleaved(List<List<OrderEvent>> lives) {
        var events = new ArrayList<OrderEvent>();
        int longest = lives.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (var life : lives) {
                if (i < life.size()) {
                    events.add(life.get(i));
                }
            }
        }
        return events;
    }

    @Test
    void every_entry_of_a_batch_is_acknowledged_in_the_order_given() {
        var entries = entries(deliveredLife(newId()));
        var publication = publisher().publish(entries);
        assertEquals(new Publication.Complete(entries.stream().map(OutboxEntry::sequence).toList()), publication);
    }

    @Test
    void each_order_s_events_arrive_once_unchanged_and_in_order() {
        var delivered = deliveredLife(newId());
        var cancelled = cancelledLife(newId());
        var third = deliveredLife(newId());
        var events = interleaved(List.of(delivered, cancelled, third));
        publisher().publish(entries(events.subList(0, 5)));
        publisher().publish(entries(events.subList(5, events.size())));

        var ids = Set.of(delivered.getFirst().orderId(), cancelled.getFirst().orderId(),
                third.getFirst().orderId());
        var received = received(ids, events.size());
        assertEquals(events.size(), received.size(), "events received");
        for (var life : List.of(delivered, cancelled, third)) {
            var id = life.getFirst().orderId();
            assertEquals(life, received.stream().filter(event -> event.orderId().equals(id)).toList());
        }
    }

    @Test
    void an_empty_batch_is_complete_at_once() {
        assertEquals(new Publication.Complete(List.of()), publisher().publish(List.of()));
    }
}
