package dev.orderflow.domain;

import java.util.Objects;

/** Why {@link OrderLifecycle#decide} refused a command. An expected outcome, not an error. */
public sealed interface Rejection {

    /** A sentence a client may read. */
    String message();

    /** The command is not allowed in the order's current state, such as shipping a pending order. */
    record InvalidTransition(OrderStatus from, String command) implements Rejection {
        /** Refuses missing parts. */
        public InvalidTransition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String message() {
            return "cannot " + command + " an order that is " + from.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An order with this id was placed already. */
    record AlreadyPlaced(OrderId orderId) implements Rejection {
        /** Refuses a missing id. */
        public AlreadyPlaced {
            Objects.requireNonNull(orderId, "orderId");
        }

        @Override
        public String message() {
            return "order " + orderId + " already exists";
        }
    }

    /** The command is for an order that was never placed. */
    record NotPlaced(OrderId orderId) implements Rejection {
        /** Refuses a missing id. */
        public NotPlaced {
            Objects.requireNonNull(orderId, "orderId");
        }

        @Override
        public String message() {
            return "order " + orderId + " does not exist";
        }
    }

    /** Placing the order would break a rule of valid orders. */
    record InvariantBroken(Invariant invariant, String field, String message) implements Rejection {
        /** Refuses missing parts. */
        public InvariantBroken {
            Objects.requireNonNull(invariant, "invariant");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The rules of a valid order. */
    enum Invariant {
        /** An order has at least one line. */
        AT_LEAST_ONE_LINE,
        /** An order has at most {@link OrderLifecycle#MAX_LINES} lines. */
        AT_MOST_MAX_LINES,
        /** All prices of an order are in one currency. */
        ONE_CURRENCY,
        /** A SKU appears on one line only. */
        UNIQUE_SKU,
        /** Line totals and the order total fit in a long of minor units. */
        TOTAL_FITS
    }
}
