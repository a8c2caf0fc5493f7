package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.OrderChanges;
import dev.orderflow.application.port.out.Orders.SaveResult;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import java.util.List;

/**
 * A change of an order in one statement instead of three ({@link GroupedStatements#insertions},
 * {@link GroupedStatements#updates}): the order's row, its event in the log and in the outbox, the payload
 * serialized once. Without a caller's transaction, the statement goes to PostgreSQL with the other changes of its
 * kind waiting at that moment ({@link GroupCommit}), committed together without BEGIN and COMMIT; within one, it
 * joins it. Every command of the service makes one event; a change with several goes through the three ports one
 * after the other, in a transaction.
 */
final class PostgresOrderChanges implements OrderChanges {

    private final TracedTransactions transactions;
    private final EventJson events;
    private final OutboxTraceContext traceContext;
    private final OrderChanges oneByOne;
    /** The groups of insertions (expected version 0) and of updates. */
    private final GroupCommit<GroupedStatements.Change, Boolean> insertions;
    private final GroupCommit<GroupedStatements.Change, Boolean> updates;

    PostgresOrderChanges(TracedTransactions transactions, EventJson events, OutboxTraceContext traceContext,
                         OrderChanges oneByOne, GroupCommit<GroupedStatements.Change, Boolean> insertions,
                         GroupCommit<GroupedStatements.Change, Boolean> updates) {
        this.transactions = transactions;
        this.events = events;
        this.traceContext = traceContext;
        this.oneByOne = oneByOne;
        this.insertions = insertions;
        this.updates = updates;
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
        var groups = expectedVersion == 0 ? insertions : updates;
        boolean saved;
        try {
            // the change is made in the transaction's span: the outbox entry carries that span's trace context
            saved = transactions.oneStatement(() -> groups.writeAlone(change(o, expectedVersion, e)),
                    () -> groups.write(change(o, expectedVersion, e)));
        } catch (StorageException failure) {
            throw PostgresEventLog.versionTaken(changes, failure);
        }
        return saved ? SaveResult.SAVED : SaveResult.CONFLICT;
    }

    private GroupedStatements.Change change(OrderRow o, long expectedVersion, EventJson.Rows.One e) {
        return new GroupedStatements.Change(o, expectedVersion, e, traceContext.current());
    }
}
