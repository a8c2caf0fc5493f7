package dev.orderflow.application.port.out;

import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.OrderPage;
import dev.orderflow.application.port.in.PageRequest;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the current state of each order is kept, guarded by optimistic versions. */
public interface Orders {

    /** The order with this id as last saved, with its version. */
    Optional<Order> load(OrderId id);

    /**
     * Saves an order's new state if the stored one is still at {@code expectedVersion} (0: no order with
     * this id exists yet). Otherwise nothing changes and the result is {@link SaveResult#CONFLICT}.
     */
    SaveResult save(Order order, long expectedVersion);

    /**
     * A page of the orders passing the filter, newest first (placement time, then id, both descending).
     * Paging with the returned cursors yields each order at most once, and every order that existed when
     * paging began exactly once, even while orders are added.
     */
    OrderPage list(OrderFilter filter, PageRequest page);

    /**
     * Claims up to {@code limit} pending orders placed before {@code placedBefore}, oldest first, for the
     * caller's transaction: each stays claimed until that transaction ends, and an order another transaction
     * has claimed or is changing is skipped, so concurrent callers claim different orders and never wait.
     * Call it inside {@link Transactions#inTransaction}.
     */
    List<Overdue> claimOverdue(Instant placedBefore, int limit);

    /** A pending order that {@link #claimOverdue} claimed, at the version it was claimed at. */
    record Overdue(OrderId id, long version) {
        /** Refuses a missing id and versions below 1. */
        public Overdue {
            java.util.Objects.requireNonNull(id, "id");
            if (version < 1) {
                throw new IllegalArgumentException("versions start at 1: " + version);
            }
        }
    }

    /** Whether a save took effect. */
    enum SaveResult {
        /** The new state is stored. */
        SAVED,
        /** The stored order is not at the expected version; nothing changed. */
        CONFLICT
    }
}
