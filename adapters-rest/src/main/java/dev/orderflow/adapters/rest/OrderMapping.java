package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Explicit conversion between the API's JSON documents and the domain, both ways. */
final class OrderMapping {

    private OrderMapping() {
    }

    /** The order a request asks for; throws {@link InvalidRequest} naming every refused value. */
    static NewOrder newOrder(OrderJson.PlaceOrder body, Actor actor) {
        var inputs = new Inputs();
        var customerId = inputs.body("", () -> new CustomerId(body.customerId()));
        var lines = new ArrayList<OrderLine>();
        for (int i = 0; i < body.lines().size(); i++) {
            var line = body.lines().get(i);
            var at = "/lines/" + i;
            var sku = inputs.body(at, () -> new Sku(line.sku()));
            var quantity = inputs.body(at, () -> new Quantity(line.quantity()));
            var unitPrice = inputs.body(at + "/unitPrice",
                    () -> Money.parse(line.unitPrice().amount(), line.unitPrice().currency()));
            if (sku != null && quantity != null && unitPrice != null) {
                lines.add(new OrderLine(sku, quantity, unitPrice));
            }
        }
        var address = body.shippingAddress();
        var shippingAddress = inputs.body("/shippingAddress", () -> new ShippingAddress(address.recipient(),
                address.line1(), Objects.requireNonNullElse(address.line2(), ""), address.postalCode(),
                address.city(), Objects.requireNonNullElse(address.region(), ""), address.country()));
        inputs.check();
        return new NewOrder(customerId, lines, shippingAddress, actor);
    }

    static Carrier carrier(OrderJson.Ship body, Inputs inputs) {
        return inputs.body("", () -> new Carrier(body.carrier()));
    }

    static TrackingNumber trackingNumber(OrderJson.Ship body, Inputs inputs) {
        return inputs.body("", () -> new TrackingNumber(body.trackingNumber()));
    }

    static CancellationReason reason(OrderJson.Cancel body, Inputs inputs) {
        return inputs.body("", () -> new CancellationReason(body.reason()));
    }

    static OrderJson.Order json(Order order) {
        String confirmedAt = null;
        String shippedAt = null;
        String deliveredAt = null;
        String cancelledAt = null;
        String carrier = null;
        String trackingNumber = null;
        String reason = null;
        String cancelledFrom = null;
        switch (order) {
            case Order.Pending pending -> {
                // nothing beyond the details
            }
            case Order.Confirmed confirmed -> confirmedAt = text(confirmed.confirmedAt());
            case Order.Shipped shipped -> {
                confirmedAt = text(shipped.confirmedAt());
                shippedAt = text(shipped.shippedAt());
                carrier = shipped.carrier().name();
                trackingNumber = shipped.trackingNumber().value();
            }
            case Order.Delivered delivered -> {
                confirmedAt = text(delivered.confirmedAt());
                shippedAt = text(delivered.shippedAt());
                deliveredAt = text(delivered.deliveredAt());
                carrier = delivered.carrier().name();
                trackingNumber = delivered.trackingNumber().value();
            }
            case Order.Cancelled cancelled -> {
                cancelledAt = text(cancelled.cancelledAt());
                reason = cancelled.reason().text();
                cancelledFrom = cancelled.cancelledFrom().name();
            }
        }
        var details = order.details();
        return new OrderJson.Order(order.id().toString(), order.status().name(), order.version(),
                details.customerId().value(), lines(details.lines()), address(details.shippingAddress()),
                money(details.total()), text(details.placedAt()), text(order.updatedAt()), confirmedAt, shippedAt,
                deliveredAt, cancelledAt, carrier, trackingNumber, reason, cancelledFrom);
    }

    static OrderJson.Event json(OrderEvent event) {
        return new OrderJson.Event(event.eventId().toString(), EventType.of(event), EventCodec.payload(event));
    }

    static OrderJson.Money money(Money money) {
        return new OrderJson.Money(money.toDecimalString(), money.currency().getCurrencyCode());
    }

    private static List<OrderJson.Line> lines(List<OrderLine> lines) {
        return lines.stream().map(line -> new OrderJson.Line(line.sku().value(), line.quantity().value(),
                money(line.unitPrice()), money(line.total()))).toList();
    }

    private static OrderJson.Address address(ShippingAddress a) {
        return new OrderJson.Address(a.recipient(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(),
                a.country());
    }

    private static String text(Instant instant) {
        return instant.toString();
    }
}
