package dev.orderflow.application.memory;

import dev.orderflow.application.port.out.OrderStorage;

/**
 * Storage in the heap of this process: orders, events, outbox, idempotency keys and inbox, forgotten when the
 * process ends. Transactions are serialised by one lock and undone on failure, so the adapters keep every
 * contract of the database adapters: versions, conflicts, all-or-nothing writes, an order's outbox entries held
 * by one relay at a time.
 */
public final class InMemoryStorage {

    private InMemoryStorage() {
    }

    /** A new, empty storage. */
    public static OrderStorage create() {
        var store = new Store();
        return new OrderStorage(new InMemoryOrders(store), new InMemoryEventLog(store), new InMemoryOutbox(store),
                new InMemoryIdempotencyKeys(store), new InMemoryInbox(store), store::inTransaction);
    }
}
