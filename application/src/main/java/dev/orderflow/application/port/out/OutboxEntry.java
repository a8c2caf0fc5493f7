package dev.orderflow.application.port.out;

import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An event waiting to be published, under the outbox's own sequence number, with the trace context of the
 * change that recorded it: propagation headers (such as W3C {@code traceparent}) that the application
 * passes from the outbox to the publisher without reading them; empty when none was captured.
 * <p>
 * An outbox that keeps events in a serialized form hands out {@linkplain #stored stored} entries: they carry that
 * form, which a publisher sending the same form passes on without serializing the event again, and decode the
 * event only when {@link #event()} is called. Entries are equal when their sequence, event and trace context are.
 */
public final class OutboxEntry {

    /**
     * An event as an outbox stored it: its version, the name of its type and its time as stored beside it, and
     * its serialized form ({@code orderflow-events}' JSON in the PostgreSQL outbox), which the application does
     * not read.
     */
    public record Stored(long version, String type, Instant occurredAt, byte[] serialized) {

        /** Refuses missing parts. */
        public Stored {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(serialized, "serialized");
        }

        /** Equal when every part is, the serialized bytes by their content. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Stored stored && version == stored.version && type.equals(stored.type)
                    && occurredAt.equals(stored.occurredAt) && Arrays.equals(serialized, stored.serialized);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, type, occurredAt, Arrays.hashCode(serialized));
        }

        @Override
        public String toString() {
            return "Stored[version=" + version + ", type=" + type + ", occurredAt=" + occurredAt + ", "
                    + serialized.length + " bytes]";
        }
    }

    private final long sequence;
    private final OrderId orderId;
    private final Map<String, String> traceContext;
    private final Stored stored;
    private final Function<Stored, OrderEvent> decoder;
    private volatile OrderEvent event;

    private OutboxEntry(long sequence, OrderId orderId, OrderEvent event, Stored stored,
                        Function<Stored, OrderEvent> decoder, Map<String, String> traceContext) {
        this.sequence = sequence;
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.event = event;
        this.stored = stored;
        this.decoder = decoder;
        this.traceContext = Map.copyOf(traceContext);
    }

    /** An entry of an event; copies the trace context. */
    public OutboxEntry(long sequence, OrderEvent event, Map<String, String> traceContext) {
        this(sequence, Objects.requireNonNull(event, "event").orderId(), event, null, null, traceContext);
    }

    /** An entry without trace context. */
    public OutboxEntry(long sequence, OrderEvent event) {
        this(sequence, event, Map.of());
    }

    /**
     * An entry of an event of {@code orderId} in its stored form; {@code decoder} makes the event of it when
     * {@link #event()} is first called, and throws if it cannot.
     */
    public static OutboxEntry stored(long sequence, OrderId orderId, Stored stored,
                                     Function<Stored, OrderEvent> decoder, Map<String, String> traceContext) {
        return new OutboxEntry(sequence, orderId, null, Objects.requireNonNull(stored, "stored"),
                Objects.requireNonNull(decoder, "decoder"), traceContext);
    }

    /** The outbox's sequence number of the entry. */
    public long sequence() {
        return sequence;
    }

    /** The order whose event this is. */
    public OrderId orderId() {
        return orderId;
    }

    /** The event; a stored entry decodes it at the first call. */
    public OrderEvent event() {
        var decoded = event;
        if (decoded == null) {
            decoded = Objects.requireNonNull(decoder.apply(stored), "decoded event");
            event = decoded;
        }
        return decoded;
    }

    /** The stored form of the event, for an entry the outbox read from storage. */
    public Optional<Stored> stored() {
        return Optional.ofNullable(stored);
    }

    /** The trace context of the change that recorded the event; empty when none was captured. */
    public Map<String, String> traceContext() {
        return traceContext;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboxEntry entry && sequence == entry.sequence && event().equals(entry.event())
                && traceContext.equals(entry.traceContext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, event(), traceContext);
    }

    @Override
    public String toString() {
        return "OutboxEntry[sequence=" + sequence + ", orderId=" + orderId
                + (event != null ? ", event=" + event : ", stored " + stored.type() + " v" + stored.version())
                + ", traceContext=" + traceContext + "]";
    }
}
