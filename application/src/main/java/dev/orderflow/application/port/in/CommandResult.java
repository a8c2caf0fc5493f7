package dev.orderflow.application.port.in;

import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.Rejection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What became of a command. Every variant is an expected outcome. */
public sealed interface CommandResult {

    /** The command was carried out: the order as it is now and the events that were recorded. */
    record Accepted(Order order, List<OrderEvent> events) implements CommandResult {
        /** Refuses missing parts and copies the events. */
        public Accepted {
            Objects.requireNonNull(order, "order");
            events = List.copyOf(events);
        }
    }

    /** No order has this id. */
    record NotFound(OrderId orderId) implements CommandResult {
        /** Refuses a missing id. */
        public NotFound {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** The rules refused the command; {@code current} is the order it was refused for, if there is one. */
    record Rejected(Rejection rejection, Optional<Order> current) implements CommandResult {
        /** Refuses missing parts. */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
            Objects.requireNonNull(current, "current");
        }
    }

    /** The order is not at the version the caller expected; nothing changed. */
    record VersionMismatch(Order current) implements CommandResult {
        /** Refuses a missing order. */
        public VersionMismatch {
            Objects.requireNonNull(current, "current");
        }
    }

    /** Other writers kept changing the order; the service gave up after a bounded number of attempts. */
    record Conflict(OrderId orderId) implements CommandResult {
        /** Refuses a missing id. */
        public Conflict {
            Objects.requireNonNull(orderId, "orderId");
        }
    }
}
