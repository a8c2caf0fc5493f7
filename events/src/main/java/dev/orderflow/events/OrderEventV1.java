package dev.orderflow.events;

/**
 * The JSON of an order event, schema version 1: every event has the order id, the order's version after it, when
 * it happened (ISO-8601 UTC) and who caused it ({@code staff:ann}, {@code system:api}); each type adds its own
 * members. Every member is always present.
 */
public sealed interface OrderEventV1
        permits OrderPlacedV1, OrderConfirmedV1, OrderShippedV1, OrderDeliveredV1, OrderCancelledV1 {

    /** The order's id, a UUID. */
    String orderId();

    /** The order's version after this event: 1, 2, … */
    long version();

    /** When it happened, ISO-8601 in UTC. */
    String occurredAt();

    /** Who caused it, as {@code kind:name}. */
    String actor();
}
