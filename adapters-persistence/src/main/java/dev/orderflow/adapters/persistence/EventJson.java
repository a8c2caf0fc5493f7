package dev.orderflow.adapters.persistence;

import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventType;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The stored form of events: the order id, version, type name and time in their own columns (for keys, order
 * and scans), and the whole event in the payload column as the JSON of schema version 1, the same JSON that is
 * published and listed ({@link EventCodec}). The golden rows in the tests pin it.
 */
final class EventJson {

    /** The columns of a stored event, in the order {@link #bind} binds them and {@link #read} reads them. */
    static final String COLUMNS = "order_id, version, event_type, occurred_at, payload";
    /** The placeholders of {@link #COLUMNS}. */
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?::jsonb";

    private final EventCodec codec;
    /*
     * The last event this thread bound, with its JSON: a state change appends the same event objects to the
     * event log and then to the outbox in one transaction on one thread, so the outbox reuses the log's JSON.
     * Compared by identity: an event is immutable, and another event object is written afresh.
     */
    private final ThreadLocal<Written> lastWritten = new ThreadLocal<>();

    private record Written(OrderEvent event, String json) {
    }

    EventJson(EventCodec codec) {
        this.codec = codec;
    }

    private String json(OrderEvent event) {
        var last = lastWritten.get();
        if (last != null && last.event() == event) {
            return last.json();
        }
        var json = new String(codec.write(event), StandardCharsets.UTF_8);
        lastWritten.set(new Written(event, json));
        return json;
    }

    /** Binds the event to the parameters of {@link #COLUMNS} from {@code first} on. */
    void bind(PreparedStatement statement, int first, OrderEvent event) throws SQLException {
        statement.setObject(first, event.orderId().value());
        statement.setLong(first + 1, event.version());
        statement.setString(first + 2, EventType.of(event).storedName());
        Sql.setInstant(statement, first + 3, event.occurredAt());
        statement.setString(first + 4, json(event));
    }

    /** Reads the event from the columns of {@link #COLUMNS} in the current row. */
    OrderEvent read(ResultSet row) throws SQLException {
        var name = row.getString("event_type");
        var where = new OrderId(row.getObject("order_id", UUID.class)) + "/" + row.getLong("version");
        var type = EventType.byStoredName(name)
                .orElseThrow(() -> new IllegalStateException("stored event " + where + " has unknown type " + name));
        try {
            return codec.read(type, row.getString("payload").getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unreadable stored event " + where, e);
        }
    }
}
