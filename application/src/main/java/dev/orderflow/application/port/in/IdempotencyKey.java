package dev.orderflow.application.port.in;

import java.util.Objects;
import java.util.regex.Pattern;

/** A client's token that makes retries of one request safe: 1 to 255 visible ASCII characters. */
public record IdempotencyKey(String value) {

    /** Longest key accepted. */
    public static final int MAX_LENGTH = 255;
    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    /** Refuses empty, over-long and non-printable keys. */
    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("an idempotency key is 1 to 255 visible ASCII characters");
        }
    }
}
