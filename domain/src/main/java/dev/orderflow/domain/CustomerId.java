package dev.orderflow.domain;

import java.util.regex.Pattern;

/** Identity of the customer an order belongs to, as the customer system names it. */
public record CustomerId(String value) {

    /** Longest identifier accepted. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]*");

    /** Accepts 1 to 64 letters, digits and {@code . _ : @ -}, starting with a letter or digit. */
    public CustomerId {
        value = Text.matching("customerId", value, MAX_LENGTH, SHAPE,
                "1 to 64 letters, digits or . _ : @ - starting with a letter or digit");
    }

    @Override
    public String toString() {
        return value;
    }
}
