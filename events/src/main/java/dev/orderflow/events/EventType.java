package dev.orderflow.events;

import dev.orderflow.domain.OrderEvent;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Optional;

/**
 * The order event types of schema version 1. Each has the name it is stored and listed under (the constant's
 * name, so that JSON and the OpenAPI document show it as it is) and the CloudEvents type it is published with
 * ({@code ce_type}); both are defined here only.
 */
@Serdeable
public enum EventType {
    /** {@link OrderEvent.OrderPlaced}. */
    OrderPlaced("placed", OrderPlacedV1.class),
    /** {@link OrderEvent.OrderConfirmed}. */
    OrderConfirmed("confirmed", OrderConfirmedV1.class),
    /** {@link OrderEvent.OrderShipped}. */
    OrderShipped("shipped", OrderShippedV1.class),
    /** {@link OrderEvent.OrderDelivered}. */
    OrderDelivered("delivered", OrderDeliveredV1.class),
    /** {@link OrderEvent.OrderCancelled}. */
    OrderCancelled("cancelled", OrderCancelledV1.class);

    /** What every CloudEvents type of an order event starts with. */
    public static final String CLOUD_EVENTS_PREFIX = "dev.orderflow.order.";

    private final String cloudEventsType;
    private final Class<? extends OrderEventV1> payload;

    EventType(String change, Class<? extends OrderEventV1> payload) {
        this.cloudEventsType = CLOUD_EVENTS_PREFIX + change + ".v1";
        this.payload = payload;
    }

    /** The type of a domain event. */
    public static EventType of(OrderEvent event) {
        return switch (event) {
            case OrderEvent.OrderPlaced placed -> OrderPlaced;
            case OrderEvent.OrderConfirmed confirmed -> OrderConfirmed;
            case OrderEvent.OrderShipped shipped -> OrderShipped;
            case OrderEvent.OrderDelivered delivered -> OrderDelivered;
            case OrderEvent.OrderCancelled cancelled -> OrderCancelled;
        };
    }

    /** The type stored (and listed) under {@code name}, such as {@code OrderPlaced}; empty for no such type. */
    public static Optional<EventType> byStoredName(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }

    /** The type published as {@code ce_type}, such as {@code dev.orderflow.order.placed.v1}. */
    public static Optional<EventType> byCloudEventsType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventsType.equals(type)).findFirst();
    }

    /** The name in the event log, the outbox and the REST API's event list, such as {@code OrderPlaced}. */
    public String storedName() {
        return name();
    }

    /** The CloudEvents type on the wire, naming the schema version: {@code dev.orderflow.order.placed.v1}. */
    public String cloudEventsType() {
        return cloudEventsType;
    }

    /** The record of this type's JSON. */
    public Class<? extends OrderEventV1> payload() {
        return payload;
    }
}
