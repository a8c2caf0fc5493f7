package dev.orderflow.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A placed order in one of its states. Each state is a record holding only what is true in that state: a
 * shipped order has a carrier and tracking number, a pending one has not. {@code version} counts the
 * events that led to the state (1 after placement).
 */
public sealed interface Order extends OrderState
        permits Order.Pending, Order.Confirmed, Order.Shipped, Order.Delivered, Order.Cancelled {

    /** What was fixed at placement. */
    OrderDetails details();

    /** The number of events applied so far. */
    long version();

    /** The order's id. */
    default OrderId id() {
        return details().id();
    }

    /** The name of this state. */
    default OrderStatus status() {
        return switch (this) {
            case Pending p -> OrderStatus.PENDING;
            case Confirmed c -> OrderStatus.CONFIRMED;
            case Shipped s -> OrderStatus.SHIPPED;
            case Delivered d -> OrderStatus.DELIVERED;
            case Cancelled c -> OrderStatus.CANCELLED;
        };
    }

    /** When the order last changed. */
    default Instant updatedAt() {
        return switch (this) {
            case Pending p -> p.details().placedAt();
            case Confirmed c -> c.confirmedAt();
            case Shipped s -> s.shippedAt();
            case Delivered d -> d.deliveredAt();
            case Cancelled c -> c.cancelledAt();
        };
    }

    /** Placed and waiting for confirmation. */
    record Pending(OrderDetails details, long version) implements Order {
        /** Refuses missing details and versions below 1. */
        public Pending {
            Versions.check(details, version);
        }
    }

    /** Confirmed and waiting to be shipped. */
    record Confirmed(OrderDetails details, long version, Instant confirmedAt) implements Order {
        /** Refuses missing parts and versions below 1. */
        public Confirmed {
            Versions.check(details, version);
            Objects.requireNonNull(confirmedAt, "confirmedAt");
        }
    }

    /** With a carrier, on its way. */
    record Shipped(OrderDetails details, long version, Instant confirmedAt, Instant shippedAt, Carrier carrier,
                   TrackingNumber trackingNumber) implements Order {
        /** Refuses missing parts and versions below 1. */
        public Shipped {
            Versions.check(details, version);
            Objects.requireNonNull(confirmedAt, "confirmedAt");
            Objects.requireNonNull(shippedAt, "shippedAt");
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
        }
    }

    /** Received by the customer. Final. */
    record Delivered(OrderDetails details, long version, Instant confirmedAt, Instant shippedAt, Carrier carrier,
                     TrackingNumber trackingNumber, Instant deliveredAt) implements Order {
        /** Refuses missing parts and versions below 1. */
        public Delivered {
            Versions.check(details, version);
            Objects.requireNonNull(confirmedAt, "confirmedAt");
            Objects.requireNonNull(shippedAt, "shippedAt");
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
            Objects.requireNonNull(deliveredAt, "deliveredAt");
        }
    }

    /** Cancelled before it shipped, with the reason and the state it was cancelled from. Final. */
    record Cancelled(OrderDetails details, long version, OrderStatus cancelledFrom, Instant cancelledAt,
                     CancellationReason reason) implements Order {
        /** Refuses missing parts, versions below 1 and states an order cannot be cancelled from. */
        public Cancelled {
            Versions.check(details, version);
            Objects.requireNonNull(cancelledFrom, "cancelledFrom");
            if (cancelledFrom != OrderStatus.PENDING && cancelledFrom != OrderStatus.CONFIRMED) {
                throw new IllegalArgumentException("an order is cancelled from PENDING or CONFIRMED only");
            }
            Objects.requireNonNull(cancelledAt, "cancelledAt");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

/** The checks every state shares. */
final class Versions {
    private Versions() {
    }

    static void check(OrderDetails details, long version) {
        Objects.requireNonNull(details, "details");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
    }
}
