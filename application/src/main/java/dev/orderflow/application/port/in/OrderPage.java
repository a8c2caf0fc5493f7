package dev.orderflow.application.port.in;

import dev.orderflow.domain.Order;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a listing, and where the next one starts if there are more orders. */
public record OrderPage(List<Order> items, Optional<PageCursor> next) {

    /** Refuses missing parts and copies the items. */
    public OrderPage {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
