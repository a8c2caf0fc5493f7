package dev.orderflow.application.port.in;

import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.util.List;
import java.util.Optional;

/** The ways to read orders. */
public interface OrderQueries {

    /** The order with this id, if there is one. */
    Optional<Order> get(OrderId id);

    /** A page of the orders passing the filter, newest first. */
    OrderPage list(OrderFilter filter, PageRequest page);

    /** The order's events in the order they happened, or empty if there is no such order. */
    Optional<List<OrderEvent>> history(OrderId id);
}
