package dev.orderflow.domain;

import java.util.regex.Pattern;

/** Stock keeping unit: the catalogue's identifier of a product. */
public record Sku(String value) {

    /** Longest SKU accepted. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Accepts 1 to 64 letters, digits and {@code . _ -}, starting with a letter or digit. */
    public Sku {
        value = Text.matching("sku", value, MAX_LENGTH, SHAPE,
                "1 to 64 letters, digits or . _ - starting with a letter or digit");
    }

    @Override
    public String toString() {
        return value;
    }
}
