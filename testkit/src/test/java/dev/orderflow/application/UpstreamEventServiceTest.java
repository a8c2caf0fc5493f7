package dev.orderflow.application;

import static dev.orderflow.testkit.contract.ContractFixtures.ADDRESS;
import static dev.orderflow.testkit.contract.ContractFixtures.lines;
import static dev.orderflow.testkit.contract.ContractFixtures.newCustomer;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.in.UpstreamEvent;
import dev.orderflow.application.port.in.UpstreamEvents.Handling;
import dev.orderflow.application.port.out.Inbox.Receipt;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.KeyedPlacements;
import dev.orderflow.application.port.out.OrderChanges;
import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.TrackingNumber;
import dev.orderflow.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpstreamEventServiceTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T09:00:00Z"));
    private final OrderStorage storage = InMemoryStorage.create();
    private final OrderService orders = new OrderService(storage, clock, new TimeOrderedIds(clock));
    private final UpstreamEventService upstream = new UpstreamEventService(storage.inbox(), storage.transactions(), orders, clock);

    private OrderId placed() {
        var result = orders.place(new NewOrder(newCustomer(), lines(), ADDRESS, new Actor.System("shop")));
        return assertInstanceOf(CommandResult.Accepted.class, result).order().id();
    }

    private static String messageId() {
        return UUID.randomUUID().toString();
    }

    private Order applied(String consumer, UpstreamEvent event) {
        return assertInstanceOf(Handling.Applied.class, upstream.handle(consumer, messageId(), event)).order();
    }

    @Test
    void payment_and_parcel_events_carry_an_order_through_its_life() {
        var id = placed();
        assertEquals(OrderStatus.CONFIRMED, applied("payments", new UpstreamEvent.PaymentSucceeded(id)).status());
        var shipped = applied("shipping", new UpstreamEvent.ParcelShipped(id, new Carrier("UPS"),
                new TrackingNumber("1Z999")));
        var shipment = assertInstanceOf(Order.Shipped.class, shipped);
        assertEquals(new Carrier("UPS"), shipment.carrier());
        assertEquals(new TrackingNumber("1Z999"), shipment.trackingNumber());
        assertEquals(OrderStatus.DELIVERED, applied("shipping", new UpstreamEvent.ParcelDelivered(id)).status());
        var history = orders.history(id).orElseThrow();
        assertEquals(new Actor.System("shipping"), history.getLast().actor());
    }

    @Test
    void a_failed_payment_cancels_the_order_with_its_reason() {
        var id = placed();
        var reason = new CancellationReason("payment failed: card declined");
        var cancelled = assertInstanceOf(Order.Cancelled.class,
                applied("payments", new UpstreamEvent.PaymentFailed(id, reason)));
        assertEquals(reason, cancelled.reason());
        assertEquals(new Actor.System("payments"), orders.history(id).orElseThrow().getLast().actor());
    }

    @Test
    void a_message_delivered_twice_has_one_effect() {
        var id = placed();
        var message = messageId();
        assertInstanceOf(Handling.Applied.class,
                upstream.handle("payments", message, new UpstreamEvent.PaymentSucceeded(id)));
        assertEquals(new Handling.Duplicate(),
                upstream.handle("payments", message, new UpstreamEvent.PaymentSucceeded(id)));
        assertEquals(2, orders.history(id).orElseThrow().size());
    }

    @Test
    void a_transition_the_rules_refuse_is_recorded_as_handled_and_changes_nothing() {
        var id = placed();
        orders.cancel(id, ExpectedVersion.any(), new CancellationReason("out of stock"), new Actor.Staff("ops"));
        var message = messageId();
        var refused = assertInstanceOf(Handling.Refused.class,
                upstream.handle("payments", message, new UpstreamEvent.PaymentSucceeded(id)));
        assertEquals("cannot confirm an order that is cancelled", refused.reason());
        assertEquals(Receipt.DUPLICATE, storage.inbox().receive("payments", message, clock.instant()));
        assertEquals(OrderStatus.CANCELLED, orders.get(id).orElseThrow().status());
    }

    @Test
    void an_event_for_an_unknown_order_is_refused() {
        var id = newId();
        var refused = assertInstanceOf(Handling.Refused.class,
                upstream.handle("shipping", messageId(), new UpstreamEvent.ParcelDelivered(id)));
        assertEquals("order " + id + " does not exist", refused.reason());
    }

    @Test
    void when_storage_fails_neither_the_receipt_nor_the_effect_is_kept() {
        var id = placed();
        var message = messageId();
        var changes = OrderChanges.of(storage.orders(), storage.eventLog(), new FailingOutbox(storage.outbox()),
                storage.transactions());
        var failingOutbox = new OrderService(storage.orders(), storage.eventLog(), changes,
                KeyedPlacements.of(storage.idempotencyKeys(), changes, storage.transactions()), clock,
                new TimeOrderedIds(clock), OrderService.Settings.DEFAULTS);
        var failing = new UpstreamEventService(storage.inbox(), storage.transactions(), failingOutbox, clock);
        assertThrows(IllegalStateException.class,
                () -> failing.handle("payments", message, new UpstreamEvent.PaymentSucceeded(id)));
        assertEquals(OrderStatus.PENDING, orders.get(id).orElseThrow().status());

        assertInstanceOf(Handling.Applied.class,
                upstream.handle("payments", message, new UpstreamEvent.PaymentSucceeded(id)));
        assertEquals(OrderStatus.CONFIRMED, orders.get(id).orElseThrow().status());
    }

    /** An outbox whose appends fail, as a database that went away would. */
    private record FailingOutbox(Outbox delegate)
            implements Outbox {
        @Override
        public void append(List<OrderEvent> events) {
            throw new IllegalStateException("database unavailable");
        }

        @Override
        public int relay(int max, Duration hold, Publishing publishing) {
            return delegate.relay(max, hold, publishing);
        }

        @Override
        public int deletePublishedBefore(Instant before) {
            return delegate.deletePublishedBefore(before);
        }

        @Override
        public Backlog backlog() {
            return delegate.backlog();
        }
    }
}
