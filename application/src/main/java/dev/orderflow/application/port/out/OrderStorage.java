package dev.orderflow.application.port.out;

import java.util.Objects;

/**
 * The storage ports that one transaction spans, from one storage technology: a convenience to hand them
 * around together. Services take only the ports they use.
 */
public record OrderStorage(Orders orders, OrderEventLog eventLog, Outbox outbox, OrderChanges changes,
                           IdempotencyKeys idempotencyKeys, KeyedPlacements placements, Inbox inbox,
                           Transactions transactions) {

    /** Refuses missing ports. */
    public OrderStorage {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(eventLog, "eventLog");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        Objects.requireNonNull(placements, "placements");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * The ports of a storage that records a keyed placement with the keys and the changes, one after the other
     * ({@link KeyedPlacements#of}).
     */
    public OrderStorage(Orders orders, OrderEventLog eventLog, Outbox outbox, OrderChanges changes,
                        IdempotencyKeys idempotencyKeys, Inbox inbox, Transactions transactions) {
        this(orders, eventLog, outbox, changes, idempotencyKeys,
                KeyedPlacements.of(idempotencyKeys, changes, transactions), inbox, transactions);
    }

    /** The ports of a storage that records a change with three ports, one after the other ({@link OrderChanges#of}). */
    public OrderStorage(Orders orders, OrderEventLog eventLog, Outbox outbox, IdempotencyKeys idempotencyKeys,
                        Inbox inbox, Transactions transactions) {
        this(orders, eventLog, outbox, OrderChanges.of(orders, eventLog, outbox, transactions), idempotencyKeys,
                inbox, transactions);
    }
}
