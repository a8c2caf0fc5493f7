package dev.orderflow.domain;

/** The name of the state an order is in, for filtering and display. */
public enum OrderStatus {
    /** Placed, waiting for confirmation (for example payment). */
    PENDING,
    /** Confirmed, waiting to be shipped. */
    CONFIRMED,
    /** Handed to a carrier. */
    SHIPPED,
    /** Received by the customer; final. */
    DELIVERED,
    /** Cancelled before shipping; final. */
    CANCELLED
}
