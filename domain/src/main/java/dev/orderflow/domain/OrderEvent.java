package dev.orderflow.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

/**
 * Something that happened to an order. Each event carries the order id, the order's version after it
 * (1 for {@link OrderPlaced}, then 2, 3, …), when it happened and who caused it.
 */
public sealed interface OrderEvent {

    /** The order the event happened to. */
    OrderId orderId();

    /** The order's version after this event. */
    long version();

    /** When it happened. */
    Instant occurredAt();

    /** Who caused it. */
    Actor actor();

    /**
     * A stable id of this event, the same every time it is computed: a name-based UUID of order id and
     * version, unique because an order has exactly one event per version.
     */
    default UUID eventId() {
        return eventId(orderId(), version());
    }

    /** The {@linkplain #eventId() id} of the event of {@code orderId} at {@code version}. */
    static UUID eventId(OrderId orderId, long version) {
        return UUID.nameUUIDFromBytes((orderId + "/" + version).getBytes(StandardCharsets.UTF_8));
    }

    /** An order was placed. */
    record OrderPlaced(OrderId orderId, long version, Instant occurredAt, Actor actor, CustomerId customerId,
                       List<OrderLine> lines, ShippingAddress shippingAddress, Money total) implements OrderEvent {
        /** Refuses missing parts and copies the lines. */
        public OrderPlaced {
            Events.check(orderId, version, occurredAt, actor);
            Objects.requireNonNull(customerId, "customerId");
            lines = List.copyOf(lines);
            Objects.requireNonNull(shippingAddress, "shippingAddress");
            Objects.requireNonNull(total, "total");
        }
    }

    /** An order was confirmed. */
    record OrderConfirmed(OrderId orderId, long version, Instant occurredAt, Actor actor) implements OrderEvent {
        /** Refuses missing parts. */
        public OrderConfirmed {
            Events.check(orderId, version, occurredAt, actor);
        }
    }

    /** An order was handed to a carrier. */
    record OrderShipped(OrderId orderId, long version, Instant occurredAt, Actor actor, Carrier carrier,
                        TrackingNumber trackingNumber) implements OrderEvent {
        /** Refuses missing parts. */
        public OrderShipped {
            Events.check(orderId, version, occurredAt, actor);
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
        }
    }

    /** An order arrived. */
    record OrderDelivered(OrderId orderId, long version, Instant occurredAt, Actor actor) implements OrderEvent {
        /** Refuses missing parts. */
        public OrderDelivered {
            Events.check(orderId, version, occurredAt, actor);
        }
    }

    /** An order was cancelled. */
    record OrderCancelled(OrderId orderId, long version, Instant occurredAt, Actor actor, CancellationReason reason)
            implements OrderEvent {
        /** Refuses missing parts. */
        public OrderCancelled {
            Events.check(orderId, version, occurredAt, actor);
            Objects.requireNonNull(reason, "reason");
        }
    }
}

/** The checks every event shares. */
final class Events {
    private Events() {
    }

    static void check(OrderId orderId, long version, Instant occurredAt, Actor actor) {
        Objects.requireNonNull(orderId, "orderId");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
