package dev.orderflow.application.port.in;

import dev.orderflow.domain.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of orders ended: the placement time and id of its last order. Orders are listed newest
 * first, by placement time and then id, so the next page holds the orders that sort after this position.
 */
public record PageCursor(Instant placedAt, OrderId orderId) implements Comparable<PageCursor> {

    /** Refuses missing parts. */
    public PageCursor {
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(orderId, "orderId");
    }

    /** Listing order: newer first, then the larger id first. */
    @Override
    public int compareTo(PageCursor other) {
        int byTime = other.placedAt.compareTo(placedAt);
        return byTime != 0 ? byTime : other.orderId.value().compareTo(orderId.value());
    }
}
