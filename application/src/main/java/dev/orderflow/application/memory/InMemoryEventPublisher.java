package dev.orderflow.application.memory;

import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EventPublisher} that keeps what it is given in the heap, so that tests can see the events an
 * {@link dev.orderflow.application.OutboxRelay} published without a message broker. Acknowledges every
 * entry; safe to share between threads.
 */
public final class InMemoryEventPublisher implements EventPublisher {

    private final List<OrderEvent> published = new ArrayList<>();

    @Override
    public synchronized Publication publish(List<OutboxEntry> entries) {
        entries.forEach(entry -> published.add(entry.event()));
        return new Publication.Complete(entries.stream().map(OutboxEntry::sequence).toList());
    }

    /** Every event published so far, in the order it was published. */
    public synchronized List<OrderEvent> events() {
        return List.copyOf(published);
    }
}
