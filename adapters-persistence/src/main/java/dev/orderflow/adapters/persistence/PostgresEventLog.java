package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.OrderEventLog;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.util.List;

/** Every order's events in the {@code order_events} table, whose primary key is (order id, version). */
final class PostgresEventLog implements OrderEventLog {

    private static final String INSERT =
            "INSERT INTO order_events (" + EventJson.COLUMNS + ") VALUES (" + EventJson.PLACEHOLDERS + ")";
    private static final String HISTORY =
            "SELECT " + EventJson.COLUMNS + " FROM order_events WHERE order_id = ? ORDER BY version";

    private final Sql sql;
    private final EventJson events;

    PostgresEventLog(Sql sql, EventJson events) {
        this.sql = sql;
        this.events = events;
    }

    @Override
    public void append(List<OrderEvent> appended) {
        if (appended.isEmpty()) {
            return;
        }
        // a duplicate version aborts the transaction: the exception makes the caller's roll back as well
        sql.inTransaction(() -> sql.statement(INSERT, s -> {
            for (var event : appended) {
                events.bind(s, 1, event);
                s.addBatch();
            }
            try {
                return s.executeBatch();
            } catch (java.sql.SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new IllegalStateException("an order already has an event with one of the versions "
                            + appended.stream().map(v -> v.orderId() + "/" + v.version()).toList(), e);
                }
                throw e;
            }
        }));
    }

    @Override
    public List<OrderEvent> history(OrderId id) {
        return sql.query(HISTORY, s -> s.setObject(1, id.value()), events::read);
    }
}
