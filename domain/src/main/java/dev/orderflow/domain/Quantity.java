package dev.orderflow.domain;

/** How many units of a SKU an order line holds: 1 to 10 000. */
public record Quantity(int value) {

    /** Largest quantity on one line. */
    public static final int MAX = 10_000;

    /** Refuses quantities outside 1..10 000. */
    public Quantity {
        if (value < 1 || value > MAX) {
            throw new InvalidValueException("quantity", "must be between 1 and " + MAX);
        }
    }
}
