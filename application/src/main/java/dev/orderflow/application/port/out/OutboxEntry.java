package dev.orderflow.application.port.out;

import dev.orderflow.domain.OrderEvent;
import java.util.Map;
import java.util.Objects;

/**
 * An event waiting to be published, under the outbox's own sequence number, with the trace context of the
 * change that recorded it: propagation headers (such as W3C {@code traceparent}) that the application
 * passes from the outbox to the publisher without reading them; empty when none was captured.
 */
public record OutboxEntry(long sequence, OrderEvent event, Map<String, String> traceContext) {

    /** Refuses a missing event or trace context; copies the trace context. */
    public OutboxEntry {
        Objects.requireNonNull(event, "event");
        traceContext = Map.copyOf(traceContext);
    }

    /** An entry without trace context. */
    public OutboxEntry(long sequence, OrderEvent event) {
        this(sequence, event, Map.of());
    }
}
