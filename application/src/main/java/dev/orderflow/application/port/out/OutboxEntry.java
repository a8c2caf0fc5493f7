package dev.orderflow.application.port.out;

import dev.orderflow.domain.OrderEvent;
import java.util.Objects;

/** An event waiting to be published, under the outbox's own sequence number. */
public record OutboxEntry(long sequence, OrderEvent event) {

    /** Refuses a missing event. */
    public OutboxEntry {
        Objects.requireNonNull(event, "event");
    }
}
