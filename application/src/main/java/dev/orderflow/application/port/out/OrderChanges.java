package dev.orderflow.application.port.out;

import dev.orderflow.application.port.out.Orders.SaveResult;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import java.util.List;

/**
 * Records a change of an order, all of it or nothing: its new state, saved as {@link Orders#save} saves it, and,
 * if saved, the events that led to it, appended to the {@link OrderEventLog} and to the {@link Outbox}. It joins
 * the caller's transaction when there is one and needs none: without one it is a transaction of its own. A
 * storage may do all of it at once (PostgreSQL: one statement, committed on its own); {@link #of} does it with
 * the three ports one after the other, in a transaction.
 */
@FunctionalInterface
public interface OrderChanges {

    /**
     * Saves the order's new state if the stored one is still at {@code expectedVersion} (0: no order with this
     * id exists yet) and appends the events, which are the order's; otherwise nothing changes and the result is
     * {@link SaveResult#CONFLICT}.
     *
     * @throws IllegalStateException if the order already has an event with one of the versions; nothing of the
     *                               call is kept
     */
    SaveResult record(Order order, long expectedVersion, List<OrderEvent> events);

    /** The change recorded with the three ports, one after the other, in one transaction of {@code transactions}. */
    static OrderChanges of(Orders orders, OrderEventLog eventLog, Outbox outbox, Transactions transactions) {
        return (order, expectedVersion, events) -> transactions.inTransaction(() ->
                switch (orders.save(order, expectedVersion)) {
                    case CONFLICT -> SaveResult.CONFLICT;
                    case SAVED -> {
                        eventLog.append(events);
                        outbox.append(events);
                        yield SaveResult.SAVED;
                    }
                });
    }
}
