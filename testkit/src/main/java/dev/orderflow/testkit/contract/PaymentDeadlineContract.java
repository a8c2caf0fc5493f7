package dev.orderflow.testkit.contract;

import static dev.orderflow.testkit.contract.ContractFixtures.ACTOR;
import static dev.orderflow.testkit.contract.ContractFixtures.ADDRESS;
import static dev.orderflow.testkit.contract.ContractFixtures.lines;
import static dev.orderflow.testkit.contract.ContractFixtures.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.PaymentDeadline;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PaymentDeadline} on a storage: overdue pending orders are cancelled through the ordinary command, and
 * runners racing each other and the payments cancel no order twice and no order that a payment confirmed.
 */
public abstract class PaymentDeadlineContract extends StorageContract {

    private static final Duration DEADLINE = Duration.ofMinutes(30);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
    private final InstantSource clock = now::get;
    private OrderService service;

    @BeforeEach
    void createService() {
        service = new OrderService(storage, clock, new TimeOrderedIds(clock));
    }

    private PaymentDeadline deadline(int batchSize) {
        return new PaymentDeadline(storage.orders(), storage.transactions(), service, clock,
                new PaymentDeadline.Settings(DEADLINE, batchSize));
    }

    private OrderId place() {
        return ((CommandResult.Accepted) service.place(new NewOrder(newCustomer(), lines(), ADDRESS, ACTOR)))
                .order().id();
    }

    private void later(Duration by) {
        now.set(now.get().plus(by));
    }

    private Order load(OrderId id) {
        return storage.orders().load(id).orElseThrow();
    }

    @Test
    void an_order_pending_past_the_deadline_is_cancelled_by_orderflow_and_the_cancellation_is_published() {
        var overdue = place();
        later(Duration.ofMinutes(10));
        var recent = place();
        var paid = place();
        service.confirm(paid, ExpectedVersion.any(), ACTOR);
        later(Duration.ofMinutes(25));

        int cancelled = deadline(10).cancelOverdue();

        assertEquals(1, cancelled);
        var order = assertInstanceOf(Order.Cancelled.class, load(overdue));
        assertEquals(PaymentDeadline.REASON, order.reason());
        var event = assertInstanceOf(OrderEvent.OrderCancelled.class, storage.eventLog().history(overdue).getLast());
        assertEquals(PaymentDeadline.ACTOR, event.actor());
        assertEquals(PaymentDeadline.REASON, event.reason());
        var outbox = ContractFixtures.publishAll(storage.outbox(), clock.instant());
        assertTrue(outbox.stream().anyMatch(entry -> entry.event().equals(event)),
                "the cancellation waits in the outbox to be published");
        assertEquals(OrderStatus.PENDING, load(recent).status());
        assertEquals(OrderStatus.CONFIRMED, load(paid).status());
    }

    @Test
    void a_run_cancels_every_overdue_order_in_batches_and_a_second_run_finds_nothing() {
        var ids = new ArrayList<OrderId>();
        for (int i = 0; i < 7; i++) {
            ids.add(place());
        }
        later(DEADLINE.plusSeconds(1));

        assertEquals(7, deadline(3).cancelOverdue());
        assertEquals(0, deadline(3).cancelOverdue());
        ids.forEach(id -> assertEquals(OrderStatus.CANCELLED, load(id).status()));
    }

    @Test
    void racing_runners_and_payments_cancel_each_order_at_most_once_and_never_a_confirmed_one() throws Exception {
        var ids = new ArrayList<OrderId>();
        for (int i = 0; i < 60; i++) {
            ids.add(place());
        }
        later(DEADLINE.plusSeconds(1));

        var results = Concurrently.run(List.<Callable<Integer>>of(
                () -> deadline(4).cancelOverdue(),
                () -> deadline(4).cancelOverdue(),
                () -> {
                    int confirmed = 0;
                    for (var id : ids.reversed()) {
                        if (service.confirm(id, ExpectedVersion.any(), ACTOR) instanceof CommandResult.Accepted) {
                            confirmed++;
                        }
                    }
                    return confirmed;
                }));

        int cancelled = 0;
        int confirmed = 0;
        for (var id : ids) {
            var history = storage.eventLog().history(id);
            assertEquals(2, history.size(), "one change after the placement: " + history);
            switch (history.getLast()) {
                case OrderEvent.OrderCancelled c -> {
                    assertEquals(PaymentDeadline.ACTOR, c.actor());
                    cancelled++;
                }
                case OrderEvent.OrderConfirmed c -> confirmed++;
                case OrderEvent other -> throw new AssertionError("unexpected " + other);
            }
        }
        assertEquals(ids.size(), cancelled + confirmed);
        assertEquals(cancelled, results.get(0) + results.get(1), "each cancellation counted by one runner");
        assertEquals(confirmed, results.get(2));
    }
}
