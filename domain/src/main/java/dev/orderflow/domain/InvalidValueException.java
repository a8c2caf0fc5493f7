package dev.orderflow.domain;

import java.util.Objects;

/**
 * A value was refused by the type that should hold it, for example a quantity of zero or an unknown
 * currency. Carries the name of the offending field so that callers can point at it.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;

    /**
     * Creates the exception for {@code field} with a message a client may read.
     *
     * @param field the field name, in domain terms ({@code quantity}, {@code shippingAddress/city})
     * @param message what is wrong, without echoing unbounded input
     */
    public InvalidValueException(String field, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The field whose value was refused. */
    public String field() {
        return field;
    }

    /** Returns a copy whose field name is prefixed, for values nested in larger ones. */
    public InvalidValueException within(String parent) {
        return new InvalidValueException(parent + "/" + field, getMessage());
    }
}
