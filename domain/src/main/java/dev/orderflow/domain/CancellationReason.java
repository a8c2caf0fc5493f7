package dev.orderflow.domain;

/** Why an order was cancelled, in words a person wrote. */
public record CancellationReason(String text) {

    /** Longest reason accepted. */
    public static final int MAX_LENGTH = 500;

    /** Accepts non-blank text of at most 500 characters. */
    public CancellationReason {
        text = Text.required("reason", text, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return text;
    }
}
