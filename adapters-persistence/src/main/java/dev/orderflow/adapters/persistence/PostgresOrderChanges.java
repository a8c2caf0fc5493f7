package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.OrderChanges;
import dev.orderflow.application.port.out.Orders.SaveResult;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import java.util.List;

/**
 * A change of an order in one statement instead of three ({@link OrderChangeRows}): the order's row, its event
 * in the log and in the outbox, the payload serialized once; committed on its own unless the caller has a
 * transaction ({@link TracedTransactions#oneStatement}). Every command of the service makes one event; a change
 * with several goes through the three ports one after the other, in a transaction.
 */
final class PostgresOrderChanges implements OrderChanges {

    private final Sql sql;
    private final TracedTransactions transactions;
    private final OrderChangeRows rows;
    private final EventJson events;
    private final OutboxTraceContext traceContext;
    private final OrderChanges oneByOne;

    PostgresOrderChanges(Sql sql, TracedTransactions transactions, OrderChangeRows rows, EventJson events,
                         OutboxTraceContext traceContext, OrderChanges oneByOne) {
        this.sql = sql;
        this.transactions = transactions;
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
        if (order.version() <= expectedVersion) {
            return SaveResult.CONFLICT;
        }
        var o = OrderMapper.row(order);
        var e = events.one(changes.getFirst());
        int saved;
        try {
            saved = transactions.oneStatement(() -> write(o, e, expectedVersion));
        } catch (StorageException failure) {
            throw PostgresEventLog.versionTaken(changes, failure);
        }
        return saved == 1 ? SaveResult.SAVED : SaveResult.CONFLICT;
    }

    /** The statement, in the transaction's span: the outbox entry carries that span's trace context. */
    private int write(OrderRow o, EventJson.Rows.One e, long expectedVersion) {
        var context = traceContext.current();
        return sql.call("change order " + o.id() + " with its event", () -> expectedVersion == 0
                ? rows.insertWithEvent(o.id(), o.version(), o.status(), o.customerId(), o.currency(), o.totalMinor(),
                        o.shipRecipient(), o.shipLine1(), o.shipLine2(), o.shipPostalCode(), o.shipCity(),
                        o.shipRegion(), o.shipCountry(), o.placedAt(), o.updatedAt(), o.confirmedAt(), o.shippedAt(),
                        o.carrier(), o.trackingNumber(), o.deliveredAt(), o.cancelledFrom(), o.cancelledAt(),
                        o.cancellationReason(), o.lineSkus(), o.lineQuantities(), o.lineUnitPrices(), context,
                        e.version(), e.eventType(), e.occurredAt(), e.payload())
                : rows.updateStateWithEvent(o.id(), expectedVersion, o.version(), o.status(), o.updatedAt(),
                        o.confirmedAt(), o.shippedAt(), o.carrier(), o.trackingNumber(), o.deliveredAt(),
                        o.cancelledFrom(), o.cancelledAt(), o.cancellationReason(), context, e.version(),
                        e.eventType(), e.occurredAt(), e.payload()));
    }
}
