package dev.orderflow.testkit.contract;

import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderDetails;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.TrackingNumber;
import dev.orderflow.testkit.Samples;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Orders and events for contract tests; every call makes fresh ids so tests never collide. */
public final class ContractFixtures {

    /** A fixed instant at whole microseconds, which every storage keeps exactly. */
    public static final Instant T0 = Samples.T0;
    /** The actor of fixture orders and events. */
    public static final Actor ACTOR = new Actor.Staff("contract-test");
    /** The address of fixture orders. */
    public static final ShippingAddress ADDRESS = Samples.ADDRESS;

    private ContractFixtures() {
    }

    /** A new random order id. */
    public static OrderId newId() {
        return new OrderId(UUID.randomUUID());
    }

    /** A new random customer id. */
    public static CustomerId newCustomer() {
        return new CustomerId("cust-" + UUID.randomUUID());
    }

    /** Two lines in EUR with a total of 25.50. */
    public static List<OrderLine> lines() {
        return Samples.lines();
    }

    /** A pending order of a customer placed at the given time. */
    public static Order.Pending pending(OrderId id, CustomerId customer, Instant placedAt) {
        return new Order.Pending(new OrderDetails(id, customer, lines(), ADDRESS, Money.parse("25.50", "EUR"),
                placedAt), 1);
    }

    /** A pending order under a new id. */
    public static Order.Pending pending() {
        return pending(newId(), newCustomer(), T0);
    }

    /** The order confirmed, one version later. */
    public static Order.Confirmed confirmed(Order.Pending order) {
        return new Order.Confirmed(order.details(), order.version() + 1, T0.plus(1, ChronoUnit.MINUTES));
    }

    /** The order shipped, one version later. */
    public static Order.Shipped shipped(Order.Confirmed order) {
        return new Order.Shipped(order.details(), order.version() + 1, order.confirmedAt(),
                T0.plus(2, ChronoUnit.MINUTES), new Carrier("DHL Express"), new TrackingNumber("JD014600003SE"));
    }

    /** The order delivered, one version later. */
    public static Order.Delivered delivered(Order.Shipped order) {
        return new Order.Delivered(order.details(), order.version() + 1, order.confirmedAt(), order.shippedAt(),
                order.carrier(), order.trackingNumber(), T0.plus(3, ChronoUnit.MINUTES));
    }

    /** The order cancelled, one version later. */
    public static Order.Cancelled cancelled(Order order, String reason) {
        return new Order.Cancelled(order.details(), order.version() + 1, order.status(),
                T0.plus(2, ChronoUnit.MINUTES), new CancellationReason(reason));
    }

    /** The placement event of a pending order. */
    public static OrderEvent.OrderPlaced placed(Order.Pending order) {
        var d = order.details();
        return new OrderEvent.OrderPlaced(d.id(), 1, d.placedAt(), ACTOR, d.customerId(), d.lines(),
                d.shippingAddress(), d.total());
    }

    /** An event of the given order and version: a placement for version 1, a confirmation otherwise. */
    public static OrderEvent event(OrderId id, long version) {
        if (version == 1) {
            return placed(pending(id, new CustomerId("cust-" + id), T0));
        }
        return new OrderEvent.OrderConfirmed(id, version, T0.plusSeconds(version), ACTOR);
    }

    /** Every state of an order's life, each saved after the one before. */
    public static List<Order> lifecycle(Order.Pending pending) {
        var confirmed = confirmed(pending);
        var shipped = shipped(confirmed);
        return List.of(pending, confirmed, shipped, delivered(shipped));
    }

    /** The events of an order's whole life up to delivery, versions 1 to 4, one of each kind. */
    public static List<OrderEvent> deliveredLife(OrderId id) {
        return List.of(event(id, 1), event(id, 2),
                new OrderEvent.OrderShipped(id, 3, T0.plusSeconds(3), ACTOR, new Carrier("DHL Express"),
                        new TrackingNumber("JD014600003SE")),
                new OrderEvent.OrderDelivered(id, 4, T0.plusSeconds(4), ACTOR));
    }

    /** The events of an order placed, confirmed and then cancelled, versions 1 to 3. */
    public static List<OrderEvent> cancelledLife(OrderId id) {
        return List.of(event(id, 1), event(id, 2), new OrderEvent.OrderCancelled(id, 3, T0.plusSeconds(3), ACTOR,
                new CancellationReason("customer changed their mind")));
    }

    /** Whether the order is in a final state. */
    public static boolean isFinal(Order order) {
        return order.status() == OrderStatus.DELIVERED || order.status() == OrderStatus.CANCELLED;
    }

    /** What a relay's publishing returns when it published every entry of the batch, at {@code at}. */
    public static Outbox.Published everyEntry(List<OutboxEntry> batch, Instant at) {
        return new Outbox.Published(batch.stream().map(OutboxEntry::sequence).toList(), at);
    }

    /**
     * Publishes, at {@code at}, everything that the outbox hands out (with no other relay at work: all it
     * holds); returns the entries in sequence order.
     */
    public static List<OutboxEntry> publishAll(Outbox outbox, Instant at) {
        var published = new ArrayList<OutboxEntry>();
        while (outbox.relay(100, Duration.ofMinutes(1), batch -> {
            published.addAll(batch);
            return everyEntry(batch, at);
        }) > 0) {
            // the next batch
        }
        published.sort(Comparator.comparingLong(OutboxEntry::sequence));
        return published;
    }
}
