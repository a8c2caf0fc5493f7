package dev.orderflow.testkit;

import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderCommand;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import java.time.Instant;
import java.util.List;

/**
 * Valid sample values for tests: one order's life, each command paired with the event it leads to. A
 * command and its event share the time and the actor, so {@code given(placed(ORDER)).when(confirm(ORDER))
 * .thenEvents(confirmed(ORDER))} holds: placement at {@link #T0}, confirmation one minute later, shipping
 * after two, delivery after three; a cancellation after two.
 */
public final class Samples {

    /** A sample order id, the first that {@link SequentialOrderIds} hands out. */
    public static final OrderId ORDER = SequentialOrderIds.nth(1);
    /** A sample customer. */
    public static final CustomerId CUSTOMER = new CustomerId("customer-1");
    /** Who gives the sample commands. */
    public static final Actor CLERK = new Actor.Staff("clerk");
    /** When the sample order is placed; whole microseconds, which every storage keeps exactly. */
    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");
    /** Where the sample order goes. */
    public static final ShippingAddress ADDRESS =
            new ShippingAddress("Grace Hopper", "2 Harbour Road", "Flat 3", "SW1A 1AA", "London", "", "GB");
    /** The total of {@link #lines()}. */
    public static final Money TOTAL = Money.parse("25.50", "EUR");
    /** The sample carrier. */
    public static final Carrier CARRIER = new Carrier("DHL Express");
    /** The sample tracking number. */
    public static final TrackingNumber TRACKING = new TrackingNumber("JD014600003SE");
    /** The sample reason to cancel. */
    public static final CancellationReason REASON = new CancellationReason("customer changed their mind");

    private Samples() {
    }

    /** Two lines in EUR: 2 × 10.00 and 1 × 5.50. */
    public static List<OrderLine> lines() {
        return List.of(new OrderLine(new Sku("SKU-1"), new Quantity(2), Money.parse("10.00", "EUR")),
                new OrderLine(new Sku("SKU-2"), new Quantity(1), Money.parse("5.50", "EUR")));
    }

    /** The time {@code minutes} after {@link #T0}. */
    public static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** Place the sample order under this id at {@link #T0}. */
    public static OrderCommand.PlaceOrder place(OrderId id) {
        return new OrderCommand.PlaceOrder(id, CUSTOMER, lines(), ADDRESS, CLERK, T0);
    }

    /** The sample order was placed: version 1. */
    public static OrderEvent.OrderPlaced placed(OrderId id) {
        return new OrderEvent.OrderPlaced(id, 1, T0, CLERK, CUSTOMER, lines(), ADDRESS, TOTAL);
    }

    /** Confirm the order one minute after {@link #T0}. */
    public static OrderCommand.ConfirmOrder confirm(OrderId id) {
        return new OrderCommand.ConfirmOrder(id, CLERK, at(1));
    }

    /** The order was confirmed: version 2. */
    public static OrderEvent.OrderConfirmed confirmed(OrderId id) {
        return new OrderEvent.OrderConfirmed(id, 2, at(1), CLERK);
    }

    /** Ship the order two minutes after {@link #T0}. */
    public static OrderCommand.ShipOrder ship(OrderId id) {
        return new OrderCommand.ShipOrder(id, CARRIER, TRACKING, CLERK, at(2));
    }

    /** The order was shipped: version 3. */
    public static OrderEvent.OrderShipped shipped(OrderId id) {
        return new OrderEvent.OrderShipped(id, 3, at(2), CLERK, CARRIER, TRACKING);
    }

    /** Record delivery three minutes after {@link #T0}. */
    public static OrderCommand.DeliverOrder deliver(OrderId id) {
        return new OrderCommand.DeliverOrder(id, CLERK, at(3));
    }

    /** The order was delivered: version 4. */
    public static OrderEvent.OrderDelivered delivered(OrderId id) {
        return new OrderEvent.OrderDelivered(id, 4, at(3), CLERK);
    }

    /** Cancel the order two minutes after {@link #T0}. */
    public static OrderCommand.CancelOrder cancel(OrderId id) {
        return new OrderCommand.CancelOrder(id, REASON, CLERK, at(2));
    }

    /** The order was cancelled, becoming the given version (2 if it was pending, 3 if confirmed). */
    public static OrderEvent.OrderCancelled cancelled(OrderId id, long version) {
        return new OrderEvent.OrderCancelled(id, version, at(2), CLERK, REASON);
    }
}
