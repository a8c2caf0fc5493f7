package dev.orderflow.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request to change an order. Each carries the order id, who asks ({@link Actor}) and when
 * ({@code at}); the domain never reads a clock.
 */
public sealed interface OrderCommand {

    /** The order the command is for. */
    OrderId orderId();

    /** Who asks. */
    Actor actor();

    /** When the command is decided. */
    Instant at();

    /** Place a new order. The rules for lines (1..100, one currency, no repeated SKU) are checked by decide. */
    record PlaceOrder(OrderId orderId, CustomerId customerId, List<OrderLine> lines, ShippingAddress shippingAddress,
                      Actor actor, Instant at) implements OrderCommand {
        /** Refuses missing parts and copies the lines. */
        public PlaceOrder {
            Commands.check(orderId, actor, at);
            Objects.requireNonNull(customerId, "customerId");
            lines = List.copyOf(lines);
            Objects.requireNonNull(shippingAddress, "shippingAddress");
        }
    }

    /** Confirm a pending order (for example once it is paid). */
    record ConfirmOrder(OrderId orderId, Actor actor, Instant at) implements OrderCommand {
        /** Refuses missing parts. */
        public ConfirmOrder {
            Commands.check(orderId, actor, at);
        }
    }

    /** Hand a confirmed order to a carrier. */
    record ShipOrder(OrderId orderId, Carrier carrier, TrackingNumber trackingNumber, Actor actor, Instant at)
            implements OrderCommand {
        /** Refuses missing parts. */
        public ShipOrder {
            Commands.check(orderId, actor, at);
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
        }
    }

    /** Record that a shipped order arrived. */
    record DeliverOrder(OrderId orderId, Actor actor, Instant at) implements OrderCommand {
        /** Refuses missing parts. */
        public DeliverOrder {
            Commands.check(orderId, actor, at);
        }
    }

    /** Cancel a pending or confirmed order, saying why. */
    record CancelOrder(OrderId orderId, CancellationReason reason, Actor actor, Instant at) implements OrderCommand {
        /** Refuses missing parts. */
        public CancelOrder {
            Commands.check(orderId, actor, at);
            Objects.requireNonNull(reason, "reason");
        }
    }
}

/** The checks every command shares. */
final class Commands {
    private Commands() {
    }

    static void check(OrderId orderId, Actor actor, Instant at) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
