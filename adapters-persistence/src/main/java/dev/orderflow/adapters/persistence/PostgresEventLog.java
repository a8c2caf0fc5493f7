package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.OrderEventLog;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.util.List;

/** Every order's events in the {@code order_events} table ({@link EventRows}), keyed by (order id, version). */
final class PostgresEventLog implements OrderEventLog {

    private final Sql sql;
    private final EventRows rows;
    private final EventJson events;

    PostgresEventLog(Sql sql, EventRows rows, EventJson events) {
        this.sql = sql;
        this.rows = rows;
        this.events = events;
    }

    @Override
    public void append(List<OrderEvent> appended) {
        if (appended.isEmpty()) {
            return;
        }
        var written = events.rows(appended);
        try {
            // a duplicate version aborts the transaction: the exception makes the caller's roll back as well
            sql.run("append events", () -> {
                switch (written) {
                    case EventJson.Rows.One one -> rows.appendOne(one.orderId(), one.version(), one.eventType(),
                            one.occurredAt(), one.payload());
                    case EventJson.Rows.Many many -> rows.append(many.json());
                }
            });
        } catch (StorageException e) {
            throw versionTaken(appended, e);
        }
    }

    /**
     * What an append's failure means: {@link IllegalStateException} if an event's version was taken (a unique
     * violation), else the failure as it is.
     */
    static RuntimeException versionTaken(List<OrderEvent> appended, StorageException failure) {
        if (Sql.isUniqueViolation(failure)) {
            return new IllegalStateException("an order already has an event with one of the versions "
                    + appended.stream().map(v -> v.orderId() + "/" + v.version()).toList(), failure);
        }
        return failure;
    }

    @Override
    public List<OrderEvent> history(OrderId id) {
        return sql.call("read the events of order " + id, () -> rows.findByOrderIdOrderByVersion(id.value()))
                .stream().map(events::read).toList();
    }
}
