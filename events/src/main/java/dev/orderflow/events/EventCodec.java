package dev.orderflow.events;

import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Converts order events to and from their version 1 JSON ({@link OrderEventV1}). The one place that knows how
 * an event looks in JSON: the event log, the outbox, Kafka and the REST API all go through it.
 */
public final class EventCodec {

    private final JsonMapper json;

    /** A codec writing and reading with {@code json} (Micronaut Serialization). */
    public EventCodec(JsonMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The event's JSON, UTF-8. */
    public byte[] write(OrderEvent event) {
        try {
            return json.writeValueAsBytes(payload(event));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + EventType.of(event).storedName() + " "
                    + event.orderId() + "/" + event.version(), e);
        }
    }

    /**
     * Reads an event of {@code type} from its JSON.
     *
     * @throws IllegalArgumentException if the JSON is not a valid event of that type
     */
    public OrderEvent read(EventType type, byte[] body) {
        OrderEventV1 payload;
        try {
            payload = json.readValue(body, Argument.of(type.payload()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a " + type.cloudEventsType() + " event: " + e.getMessage(), e);
        }
        if (payload == null) {
            throw new IllegalArgumentException("not a " + type.cloudEventsType() + " event: JSON null");
        }
        try {
            return event(payload);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid " + type.cloudEventsType() + " event: " + e.getMessage(),
                    e);
        }
    }

    /** The payload record of a domain event. */
    public static OrderEventV1 payload(OrderEvent event) {
        var id = event.orderId().toString();
        var version = event.version();
        var at = event.occurredAt().toString();
        var actor = event.actor().token();
        return switch (event) {
            case OrderEvent.OrderPlaced placed -> new OrderPlacedV1(id, version, at, actor,
                    placed.customerId().value(), placed.lines().stream().map(EventCodec::line).toList(),
                    address(placed.shippingAddress()), money(placed.total()));
            case OrderEvent.OrderConfirmed confirmed -> new OrderConfirmedV1(id, version, at, actor);
            case OrderEvent.OrderShipped shipped -> new OrderShippedV1(id, version, at, actor,
                    shipped.carrier().name(), shipped.trackingNumber().value());
            case OrderEvent.OrderDelivered delivered -> new OrderDeliveredV1(id, version, at, actor);
            case OrderEvent.OrderCancelled cancelled -> new OrderCancelledV1(id, version, at, actor,
                    cancelled.reason().text());
        };
    }

    /**
     * The domain event of a payload record; the domain's value types check every member.
     *
     * @throws RuntimeException (such as the domain's {@code InvalidValueException}) for a missing or invalid member
     */
    public static OrderEvent event(OrderEventV1 payload) {
        var orderId = OrderId.parse(required("orderId", payload.orderId()));
        var version = payload.version();
        var at = Instant.parse(required("occurredAt", payload.occurredAt()));
        var actor = Actor.parse(required("actor", payload.actor()));
        return switch (payload) {
            case OrderPlacedV1 placed -> new OrderEvent.OrderPlaced(orderId, version, at, actor,
                    new CustomerId(required("customerId", placed.customerId())),
                    required("lines", placed.lines()).stream().map(EventCodec::line).toList(),
                    address(required("shippingAddress", placed.shippingAddress())),
                    money(required("total", placed.total())));
            case OrderConfirmedV1 confirmed -> new OrderEvent.OrderConfirmed(orderId, version, at, actor);
            case OrderShippedV1 shipped -> new OrderEvent.OrderShipped(orderId, version, at, actor,
                    new Carrier(required("carrier", shipped.carrier())),
                    new TrackingNumber(required("trackingNumber", shipped.trackingNumber())));
            case OrderDeliveredV1 delivered -> new OrderEvent.OrderDelivered(orderId, version, at, actor);
            case OrderCancelledV1 cancelled -> new OrderEvent.OrderCancelled(orderId, version, at, actor,
                    new CancellationReason(required("reason", cancelled.reason())));
        };
    }

    /** The one JSON shape of money: a decimal string with the currency's minor digits and the currency. */
    public static MoneyV1 money(Money money) {
        return new MoneyV1(money.toDecimalString(), money.currency().getCurrencyCode());
    }

    private static Money money(MoneyV1 money) {
        return Money.parse(required("amount", money.amount()), required("currency", money.currency()));
    }

    private static LineV1 line(OrderLine line) {
        return new LineV1(line.sku().value(), line.quantity().value(), money(line.unitPrice()));
    }

    private static OrderLine line(LineV1 line) {
        return new OrderLine(new Sku(required("sku", line.sku())), new Quantity(line.quantity()),
                money(required("unitPrice", line.unitPrice())));
    }

    private static AddressV1 address(ShippingAddress a) {
        return new AddressV1(a.recipient(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(), a.country());
    }

    private static ShippingAddress address(AddressV1 a) {
        return new ShippingAddress(a.recipient(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(),
                a.country());
    }

    private static <T> T required(String member, T value) {
        return Objects.requireNonNull(value, () -> "\"" + member + "\" is missing");
    }
}
