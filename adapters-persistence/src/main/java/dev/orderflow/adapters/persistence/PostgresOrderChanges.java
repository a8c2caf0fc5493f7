package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.OrderChanges;
import dev.orderflow.application.port.out.Orders;
import dev.orderflow.application.port.out.Orders.SaveResult;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import java.util.List;

/**
 * A change of an order in two statements instead of three: the order's row ({@link PostgresOrders}), then its
 * event in the log and in the outbox at once ({@link EventRows#appendOneWithOutbox}). Every command of the
 * service makes one event; a change with several goes through the three ports one after the other.
 */
final class PostgresOrderChanges implements OrderChanges {

    private final Sql sql;
    private final Orders orders;
    private final EventRows rows;
    private final EventJson events;
    private final OutboxTraceContext traceContext;
    private final OrderChanges oneByOne;

    PostgresOrderChanges(Sql sql, Orders orders, EventRows rows, EventJson events, OutboxTraceContext traceContext,
                         OrderChanges oneByOne) {
        this.sql = sql;
        this.orders = orders;
        this.rows = rows;
        this.events = events;
        this.traceContext = traceContext;
        this.oneByOne = oneByOne;
    }

    @Override
    public SaveResult record(Order order, long expectedVersion, List<OrderEvent> changes) {
        if (changes.size() != 1) {
            return oneByOne.record(order, expectedVersion, changes);
        }
        return switch (orders.save(order, expectedVersion)) {
            case CONFLICT -> SaveResult.CONFLICT;
            case SAVED -> {
                append(changes);
                yield SaveResult.SAVED;
            }
        };
    }

    private void append(List<OrderEvent> changes) {
        var event = events.one(changes.getFirst());
        var context = traceContext.current();
        try {
            sql.run("append an event and its outbox entry", () -> rows.appendOneWithOutbox(context, event.orderId(),
                    event.version(), event.eventType(), event.occurredAt(), event.payload()));
        } catch (StorageException e) {
            throw PostgresEventLog.versionTaken(changes, e);
        }
    }
}
