package dev.orderflow.domain;

/**
 * What is known about an order id: nothing yet ({@link None}), or an {@link Order} in one of its states.
 * This is the state {@link OrderLifecycle#decide} and {@link OrderLifecycle#evolve} work on.
 */
public sealed interface OrderState permits OrderState.None, Order {

    /** No order has been placed under this id. */
    record None() implements OrderState {
    }

    /** The state before any event. */
    static OrderState none() {
        return new None();
    }
}
