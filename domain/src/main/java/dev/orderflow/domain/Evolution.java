package dev.orderflow.domain;

import java.util.Objects;

/**
 * The outcome of {@link OrderLifecycle#evolve}: the order the event leads to, or the unchanged state and why the
 * event does not follow from it.
 */
public sealed interface Evolution {

    /** The state after the event: the new order when applied, the unchanged state when ignored. */
    OrderState state();

    /** The event follows from the state; {@code order} is where it leads. */
    record Applied(Order order) implements Evolution {
        /** Refuses a missing order. */
        public Applied {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public OrderState state() {
            return order;
        }
    }

    /** The event does not follow from {@code state}, which it leaves unchanged, for {@code reason}. */
    record Ignored(OrderState state, Reason reason) implements Evolution {
        /** Refuses missing parts. */
        public Ignored {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why an event does not follow from a state. */
    enum Reason {
        /** The event belongs to another order. */
        OTHER_ORDER,
        /** The event's version is not the one after the state's (1 when nothing was placed yet). */
        NOT_NEXT_VERSION,
        /** The rules do not allow this event in this state, such as a shipment of a pending order. */
        TRANSITION_NOT_ALLOWED
    }
}
