package dev.orderflow.adapters.persistence;

import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored form of events: the order id, version, type name and time in their own columns (for keys, order
 * and scans), and the whole event in the payload column as the JSON of schema version 1, the same JSON that is
 * published and listed ({@link EventCodec}). The golden rows in the tests pin it.
 */
final class EventJson {

    /**
     * The rows of {@link Rows.Many} in SQL, one record {@code e} per event with its position {@code n}: an append
     * of several events is one parameter and one statement, however many they are.
     */
    static final String RECORDS = "ROWS FROM (json_to_recordset(CAST(:events AS json)) AS (order_id uuid, "
            + "version bigint, event_type text, occurred_at timestamptz, payload json)) WITH ORDINALITY "
            + "AS e (order_id, version, event_type, occurred_at, payload, n)";

    private final EventCodec codec;
    /*
     * The last events this thread wrote, with their rows: a state change appends the same events to the event log
     * and then to the outbox in one transaction on one thread, so the outbox reuses the log's rows. The events are
     * immutable, so the same event objects in the same order make the same rows; the list itself is copied, as a
     * caller may fill one list anew for every append.
     */
    private final ThreadLocal<Written> lastWritten = new ThreadLocal<>();

    /**
     * The events of one append as its statement takes them. Every command of the service appends one event, and
     * a single row is cheapest for PostgreSQL as plain values (a function scan over a one-element JSON array
     * cost it about 10 µs more per statement, measured on PostgreSQL 15); more events go as one JSON array for
     * {@link #RECORDS}, one statement whatever their number.
     */
    sealed interface Rows {

        /** One event: its columns, and its payload as the JSON of schema version 1. */
        record One(UUID orderId, long version, String eventType, Instant occurredAt, String payload) implements Rows {
        }

        /** Several events: the JSON array that {@link #RECORDS} reads. */
        record Many(String json) implements Rows {
        }
    }

    private record Written(List<OrderEvent> events, Rows rows) {

        boolean isOf(List<OrderEvent> others) {
            if (events.size() != others.size()) {
                return false;
            }
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) != others.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    EventJson(EventCodec codec) {
        this.codec = codec;
    }

    /** The rows of at least one event. */
    Rows rows(List<OrderEvent> events) {
        var last = lastWritten.get();
        if (last != null && last.isOf(events)) {
            return last.rows();
        }
        var rows = events.size() == 1 ? one(events.getFirst()) : many(events);
        lastWritten.set(new Written(List.copyOf(events), rows));
        return rows;
    }

    /** The row of one event. */
    Rows.One one(OrderEvent event) {
        return new Rows.One(event.orderId().value(), event.version(), EventType.of(event).storedName(),
                event.occurredAt(), payload(event));
    }

    /**
     * The events as the JSON array that {@link #RECORDS} reads. Only the payload is free text, and it is JSON
     * already; ids, numbers, type names and ISO-8601 times need no escaping.
     */
    private Rows.Many many(List<OrderEvent> events) {
        var rows = new StringBuilder(512 * events.size()).append('[');
        for (var event : events) {
            if (rows.length() > 1) {
                rows.append(',');
            }
            rows.append("{\"order_id\":\"").append(event.orderId().value())
                    .append("\",\"version\":").append(event.version())
                    .append(",\"event_type\":\"").append(EventType.of(event).storedName())
                    .append("\",\"occurred_at\":\"").append(event.occurredAt())
                    .append("\",\"payload\":").append(payload(event))
                    .append('}');
        }
        return new Rows.Many(rows.append(']').toString());
    }

    private String payload(OrderEvent event) {
        return new String(codec.write(event), StandardCharsets.UTF_8);
    }

    /** Reads a stored event from its columns. */
    OrderEvent read(UUID orderId, long version, String typeName, byte[] payload) {
        var type = EventType.byStoredName(typeName).orElseThrow(() -> new IllegalStateException(
                "stored event " + where(orderId, version) + " has unknown type " + typeName));
        try {
            return codec.read(type, payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unreadable stored event " + where(orderId, version), e);
        }
    }

    private static String where(UUID orderId, long version) {
        return new OrderId(orderId) + "/" + version;
    }

    OrderEvent read(EventRow row) {
        return read(row.orderId(), row.version(), row.eventType(), row.payload());
    }
}
