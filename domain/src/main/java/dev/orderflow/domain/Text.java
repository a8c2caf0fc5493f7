package dev.orderflow.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks shared by the text-holding value types. */
final class Text {

    private Text() {
    }

    /** Returns the value stripped of surrounding white space, if it is not blank and within the limit. */
    static String required(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        var stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return limited(field, stripped, maxLength);
    }

    /** Returns the value stripped of surrounding white space; it may be empty. */
    static String optional(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        return limited(field, value.strip(), maxLength);
    }

    /** Returns the value if it matches the pattern entirely. */
    static String matching(String field, String value, int maxLength, Pattern pattern, String expected) {
        var checked = required(field, value, maxLength);
        if (!pattern.matcher(checked).matches()) {
            throw new InvalidValueException(field, "must be " + expected);
        }
        return checked;
    }

    private static String limited(String field, String value, int maxLength) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isISOControl(cp) && cp != '\n' || Character.getType(cp) == Character.SURROGATE) {
                throw new InvalidValueException(field, "must not contain control characters");
            }
            i += Character.charCount(cp);
        }
        return value;
    }
}
