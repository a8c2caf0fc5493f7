package dev.orderflow.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an order: a UUID chosen by whoever places it. */
public record OrderId(UUID value) {

    /** Refuses a null UUID. */
    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical textual form of a UUID. */
    public static OrderId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != 36) {
            throw new InvalidValueException("orderId", "must be a UUID");
        }
        try {
            return new OrderId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("orderId", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
