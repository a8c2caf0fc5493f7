package dev.orderflow.application.port.out;

import dev.orderflow.domain.OrderId;

/** Where new order ids come from. */
@FunctionalInterface
public interface OrderIdSource {

    /** A new id, never returned before. */
    OrderId next();
}
