package dev.orderflow.domain;

/** The company that carries a shipped order, such as {@code "DHL"}. */
public record Carrier(String name) {

    /** Longest carrier name accepted. */
    public static final int MAX_LENGTH = 64;

    /** Accepts a non-blank name of at most 64 characters. */
    public Carrier {
        name = Text.required("carrier", name, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return name;
    }
}
