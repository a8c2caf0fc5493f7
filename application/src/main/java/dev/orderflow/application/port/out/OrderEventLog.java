package dev.orderflow.application.port.out;

import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.util.List;

/** The history of every order: its events, one per version, in order. Append-only. */
public interface OrderEventLog {

    /**
     * Appends events, in the caller's transaction when there is one.
     *
     * @throws IllegalStateException if an order already has an event with one of the versions; nothing of
     *                               this call is kept then
     */
    void append(List<OrderEvent> events);

    /** The order's events by ascending version; empty if it has none. */
    List<OrderEvent> history(OrderId id);
}
