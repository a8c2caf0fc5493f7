package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.orderflow.domain.OrderEvent;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Optional;

/**
 * The order event types of schema version 1. Each has the name it is stored and listed under and the
 * CloudEvents type it is published with ({@code ce_type}); both are defined here only.
 */
@Serdeable
public enum EventType {
    /** {@link OrderEvent.OrderPlaced}. */
    ORDER_PLACED("OrderPlaced", "placed", OrderPlacedV1.class),
    /** {@link OrderEvent.OrderConfirmed}. */
    ORDER_CONFIRMED("OrderConfirmed", "confirmed", OrderConfirmedV1.class),
    /** {@link OrderEvent.OrderShipped}. */
    ORDER_SHIPPED("OrderShipped", "shipped", OrderShippedV1.class),
    /** {@link OrderEvent.OrderDelivered}. */
    ORDER_DELIVERED("OrderDelivered", "delivered", OrderDeliveredV1.class),
    /** {@link OrderEvent.OrderCancelled}. */
    ORDER_CANCELLED("OrderCancelled", "cancelled", OrderCancelledV1.class);

    /** What every CloudEvents type of an order event starts with. */
    public static final String CLOUD_EVENTS_PREFIX = "dev.orderflow.order.";

    private final String storedName;
    private final String cloudEventsType;
    private final Class<? extends OrderEventV1> payload;

    EventType(String storedName, String change, Class<? extends OrderEventV1> payload) {
        this.storedName = storedName;
        this.cloudEventsType = CLOUD_EVENTS_PREFIX + change + ".v1";
        this.payload = payload;
    }

    /** The type of a domain event. */
    public static EventType of(OrderEvent event) {
        return switch (event) {
            case OrderEvent.OrderPlaced placed -> ORDER_PLACED;
            case OrderEvent.OrderConfirmed confirmed -> ORDER_CONFIRMED;
            case OrderEvent.OrderShipped shipped -> ORDER_SHIPPED;
            case OrderEvent.OrderDelivered delivered -> ORDER_DELIVERED;
            case OrderEvent.OrderCancelled cancelled -> ORDER_CANCELLED;
        };
    }

    /** The type stored (and listed) under {@code name}, such as {@code OrderPlaced}; empty for no such type. */
    public static Optional<EventType> byStoredName(String name) {
        return Arrays.stream(values()).filter(type -> type.storedName.equals(name)).findFirst();
    }

    /** The type published as {@code ce_type}, such as {@code dev.orderflow.order.placed.v1}. */
    public static Optional<EventType> byCloudEventsType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventsType.equals(type)).findFirst();
    }

    /** The name in the event log, the outbox and the REST API's event list, such as {@code OrderPlaced}. */
    @JsonValue
    public String storedName() {
        return storedName;
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
