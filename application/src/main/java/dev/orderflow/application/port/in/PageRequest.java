package dev.orderflow.application.port.in;

import java.util.Objects;
import java.util.Optional;

/** Which page of a listing to show: up to {@code limit} orders after the cursor, or from the start. */
public record PageRequest(Optional<PageCursor> after, int limit) {

    /** Largest page. */
    public static final int MAX_LIMIT = 200;

    /** Refuses limits outside 1..200. */
    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
    }

    /** The first page of the given size. */
    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }
}
