package dev.orderflow.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is fixed when an order is placed and stays the same in every later state: who ordered what, at
 * which prices, to where, and when.
 */
public record OrderDetails(OrderId id, CustomerId customerId, List<OrderLine> lines, ShippingAddress shippingAddress,
                           Money total, Instant placedAt) {

    /** Refuses missing parts and copies the lines; the rules of a valid order are checked when it is placed. */
    public OrderDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(placedAt, "placedAt");
    }
}
