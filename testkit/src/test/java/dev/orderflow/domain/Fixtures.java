package dev.orderflow.domain;

import dev.orderflow.testkit.Samples;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** Shorthands for the domain tests: the test kit's {@link Samples}, all about the one order {@link #ORDER}. */
final class Fixtures {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant T0 = Samples.T0;
    static final OrderId ORDER = Samples.ORDER;
    static final Actor CLERK = Samples.CLERK;
    static final CustomerId CUSTOMER = Samples.CUSTOMER;
    static final ShippingAddress ADDRESS = Samples.ADDRESS;

    private Fixtures() {
    }

    static Money eur(String amount) {
        return Money.parse(amount, "EUR");
    }

    static OrderLine line(String sku, int quantity, String unitPrice) {
        return new OrderLine(new Sku(sku), new Quantity(quantity), eur(unitPrice));
    }

    static Instant at(int minutes) {
        return Samples.at(minutes);
    }

    static OrderCommand.PlaceOrder place(List<OrderLine> lines) {
        return new OrderCommand.PlaceOrder(ORDER, CUSTOMER, lines, ADDRESS, CLERK, T0);
    }

    static OrderCommand.PlaceOrder place() {
        return Samples.place(ORDER);
    }

    static OrderEvent.OrderPlaced placed() {
        return Samples.placed(ORDER);
    }

    static OrderEvent.OrderConfirmed confirmed() {
        return Samples.confirmed(ORDER);
    }

    static OrderEvent.OrderShipped shipped() {
        return Samples.shipped(ORDER);
    }

    static OrderEvent.OrderDelivered delivered() {
        return Samples.delivered(ORDER);
    }

    static OrderEvent.OrderCancelled cancelled(long version) {
        return Samples.cancelled(ORDER, version);
    }
}
