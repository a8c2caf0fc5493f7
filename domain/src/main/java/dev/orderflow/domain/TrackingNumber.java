package dev.orderflow.domain;

import java.util.regex.Pattern;

/** The carrier's tracking number of a shipped order. */
public record TrackingNumber(String value) {

    /** Longest tracking number accepted. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    /** Accepts 1 to 64 letters, digits and hyphens, starting with a letter or digit. */
    public TrackingNumber {
        value = Text.matching("trackingNumber", value, MAX_LENGTH, SHAPE,
                "1 to 64 letters, digits or hyphens starting with a letter or digit");
    }

    @Override
    public String toString() {
        return value;
    }
}
