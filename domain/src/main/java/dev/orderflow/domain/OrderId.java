package dev.orderflow.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an order: a UUID chosen by whoever places it. */
public record OrderId(UUID value) {

    /** Refuses a null UUID. */
    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the canonical textual form of a UUID: 32 hexadecimal digits, either case, in groups of 8, 4, 4, 4 and
     * 12 separated by hyphens. ({@link UUID#fromString} alone also takes a sign before a group.)
     */
    public static OrderId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!isCanonical(text)) {
            throw new InvalidValueException("orderId", "must be a UUID");
        }
        return new OrderId(UUID.fromString(text));
    }

    private static boolean isCanonical(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean valid = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
