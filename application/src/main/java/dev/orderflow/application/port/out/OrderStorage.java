package dev.orderflow.application.port.out;

import java.util.Objects;

/**
 * The storage ports that one transaction spans, from one storage technology: a convenience to hand them
 * around together. Services take only the ports they use.
 */
public record OrderStorage(Orders orders, OrderEventLog eventLog, Outbox outbox, IdempotencyKeys idempotencyKeys,
                           Inbox inbox, Transactions transactions) {

    /** Refuses missing ports. */
    public OrderStorage {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(eventLog, "eventLog");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(transactions, "transactions");
    }
}
