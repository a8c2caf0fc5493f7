package dev.orderflow.domain;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Ready-made values for domain tests. */
final class Fixtures {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final OrderId ORDER = new OrderId(UUID.fromString("0190f5c8-0000-7000-8000-000000000001"));
    static final Actor CLERK = new Actor.Staff("clerk");
    static final CustomerId CUSTOMER = new CustomerId("c-42");
    static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "1 Main Street", "", "10115", "Berlin", "", "DE");

    private Fixtures() {
    }

    static Money eur(String amount) {
        return Money.parse(amount, "EUR");
    }

    static OrderLine line(String sku, int quantity, String unitPrice) {
        return new OrderLine(new Sku(sku), new Quantity(quantity), eur(unitPrice));
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static OrderCommand.PlaceOrder place(List<OrderLine> lines) {
        return new OrderCommand.PlaceOrder(ORDER, CUSTOMER, lines, ADDRESS, CLERK, T0);
    }

    static OrderCommand.PlaceOrder place() {
        return place(List.of(line("SKU-1", 2, "10.00"), line("SKU-2", 1, "5.50")));
    }

    static OrderEvent.OrderPlaced placed() {
        return new OrderEvent.OrderPlaced(ORDER, 1, T0, CLERK, CUSTOMER,
                List.of(line("SKU-1", 2, "10.00"), line("SKU-2", 1, "5.50")), ADDRESS, eur("25.50"));
    }

    static OrderEvent.OrderConfirmed confirmed() {
        return new OrderEvent.OrderConfirmed(ORDER, 2, at(1), CLERK);
    }

    static OrderEvent.OrderShipped shipped() {
        return new OrderEvent.OrderShipped(ORDER, 3, at(2), CLERK, new Carrier("DHL"), new TrackingNumber("JD0001"));
    }

    static OrderEvent.OrderDelivered delivered() {
        return new OrderEvent.OrderDelivered(ORDER, 4, at(3), CLERK);
    }

    static OrderEvent.OrderCancelled cancelled(long version) {
        return new OrderEvent.OrderCancelled(ORDER, version, at(2), CLERK, new CancellationReason("changed mind"));
    }
}
