package dev.orderflow.application.port.in;

import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.OrderStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which orders a listing shows: each present criterion must hold. {@code placedFrom} is inclusive,
 * {@code placedBefore} exclusive.
 */
public record OrderFilter(Optional<OrderStatus> status, Optional<CustomerId> customerId,
                          Optional<Instant> placedFrom, Optional<Instant> placedBefore) {

    /** Refuses missing parts. */
    public OrderFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedFrom, "placedFrom");
        Objects.requireNonNull(placedBefore, "placedBefore");
    }

    /** Every order. */
    public static OrderFilter all() {
        return new OrderFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether an order placed at {@code placedAt} with this status and customer passes the filter. */
    public boolean test(OrderStatus orderStatus, CustomerId orderCustomer, Instant placedAt) {
        return status.map(orderStatus::equals).orElse(true)
                && customerId.map(orderCustomer::equals).orElse(true)
                && placedFrom.map(from -> !placedAt.isBefore(from)).orElse(true)
                && placedBefore.map(placedAt::isBefore).orElse(true);
    }
}
