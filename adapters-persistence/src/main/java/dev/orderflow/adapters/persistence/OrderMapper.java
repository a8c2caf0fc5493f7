package dev.orderflow.adapters.persistence;

import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderDetails;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;

/** The one mapping between the domain's {@link Order} and its stored form, {@link OrderRow}. */
final class OrderMapper {

    private OrderMapper() {
    }

    static OrderRow row(Order order) {
        var d = order.details();
        var a = d.shippingAddress();
        var lines = d.lines();
        var skus = new String[lines.size()];
        var quantities = new int[lines.size()];
        var unitPrices = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            skus[i] = lines.get(i).sku().value();
            quantities[i] = lines.get(i).quantity().value();
            unitPrices[i] = lines.get(i).unitPrice().minorUnits();
        }
        var s = State.of(order);
        return new OrderRow(d.id().value(), order.version(), order.status().name(), d.customerId().value(),
                d.total().currency().getCurrencyCode(), d.total().minorUnits(), a.recipient(), a.line1(), a.line2(),
                a.postalCode(), a.city(), a.region(), a.country(), d.placedAt(), order.updatedAt(), s.confirmedAt,
                s.shippedAt, s.carrier, s.trackingNumber, s.deliveredAt, s.cancelledFrom, s.cancelledAt, s.reason,
                skus, quantities, unitPrices);
    }

    static Order order(OrderRow row) {
        var currency = Currency.getInstance(row.currency());
        var lines = new ArrayList<OrderLine>(row.lineSkus().length);
        for (int i = 0; i < row.lineSkus().length; i++) {
            lines.add(new OrderLine(new Sku(row.lineSkus()[i]), new Quantity(row.lineQuantities()[i]),
                    new Money(row.lineUnitPrices()[i], currency)));
        }
        var address = new ShippingAddress(row.shipRecipient(), row.shipLine1(), row.shipLine2(),
                row.shipPostalCode(), row.shipCity(), row.shipRegion(), row.shipCountry());
        var details = new OrderDetails(new OrderId(row.id()), new CustomerId(row.customerId()), lines, address,
                new Money(row.totalMinor(), currency), row.placedAt());
        return switch (OrderStatus.valueOf(row.status())) {
            case PENDING -> new Order.Pending(details, row.version());
            case CONFIRMED -> new Order.Confirmed(details, row.version(), row.confirmedAt());
            case SHIPPED -> new Order.Shipped(details, row.version(), row.confirmedAt(), row.shippedAt(),
                    new Carrier(row.carrier()), new TrackingNumber(row.trackingNumber()));
            case DELIVERED -> new Order.Delivered(details, row.version(), row.confirmedAt(), row.shippedAt(),
                    new Carrier(row.carrier()), new TrackingNumber(row.trackingNumber()), row.deliveredAt());
            case CANCELLED -> new Order.Cancelled(details, row.version(), OrderStatus.valueOf(row.cancelledFrom()),
                    row.cancelledAt(), new CancellationReason(row.cancellationReason()));
        };
    }

    /** The nullable state columns of an order. */
    private record State(Instant confirmedAt, Instant shippedAt, String carrier, String trackingNumber,
                         Instant deliveredAt, String cancelledFrom, Instant cancelledAt, String reason) {

        static State of(Order order) {
            return switch (order) {
                case Order.Pending p -> new State(null, null, null, null, null, null, null, null);
                case Order.Confirmed c -> new State(c.confirmedAt(), null, null, null, null, null, null, null);
                case Order.Shipped sh -> new State(sh.confirmedAt(), sh.shippedAt(), sh.carrier().name(),
                        sh.trackingNumber().value(), null, null, null, null);
                case Order.Delivered d -> new State(d.confirmedAt(), d.shippedAt(), d.carrier().name(),
                        d.trackingNumber().value(), d.deliveredAt(), null, null, null);
                case Order.Cancelled cn -> new State(null, null, null, null, null, cn.cancelledFrom().name(),
                        cn.cancelledAt(), cn.reason().text());
            };
        }
    }
}
