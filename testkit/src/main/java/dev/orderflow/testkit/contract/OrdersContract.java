package dev.orderflow.testkit.contract;

import static dev.orderflow.testkit.contract.ContractFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.PageCursor;
import dev.orderflow.application.port.in.PageRequest;
import dev.orderflow.application.port.out.Orders;
import dev.orderflow.application.port.out.Orders.SaveResult;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orderflow.application.port.out.Orders}. */
public abstract class OrdersContract extends PortContract<Orders> {

    @Test
    void every_state_round_trips_through_save_and_load() {
        var pending = pending();
        long expected = 0;
        for (var order : lifecycle(pending)) {
            assertEquals(SaveResult.SAVED, port.save(order, expected));
            assertEquals(Optional.of(order), port.load(order.id()));
            expected = order.version();
        }
        var other = pending();
        port.save(other, 0);
        var cancelled = cancelled(confirmed(other), "the customer changed their mind — ünïcødé");
        port.save(confirmed(other), 1);
        assertEquals(SaveResult.SAVED, port.save(cancelled, 2));
        assertEquals(Optional.of(cancelled), port.load(other.id()));
    }

    @Test
    void an_unknown_order_is_not_found() {
        assertEquals(Optional.empty(), port.load(newId()));
    }

    @Test
    void a_second_placement_under_one_id_conflicts() {
        var order = pending();
        assertEquals(SaveResult.SAVED, port.save(order, 0));
        assertEquals(SaveResult.CONFLICT, port.save(pending(order.id(), newCustomer(), T0), 0));
        assertEquals(Optional.of(order), port.load(order.id()));
    }

    @Test
    void a_stale_version_changes_nothing() {
        var order = pending();
        port.save(order, 0);
        var confirmed = confirmed(order);
        assertEquals(SaveResult.SAVED, port.save(confirmed, 1));
        assertEquals(SaveResult.CONFLICT, port.save(cancelled(order, "late"), 1));
        assertEquals(SaveResult.CONFLICT, port.save(shipped(confirmed), 5));
        assertEquals(Optional.of(confirmed), port.load(order.id()));
    }

    @Test
    void concurrent_writers_on_one_order_yield_exactly_one_winner_per_version() throws Exception {
        var order = pending();
        port.save(order, 0);
        Order current = order;
        for (int round = 0; round < 5; round++) {
            var base = current;
            var results = Concurrently.times(8, () -> {
                var next = new Order.Confirmed(base.details(), base.version() + 1,
                        T0.plusNanos(Thread.currentThread().threadId() * 1000));
                return port.save(next, base.version()) == SaveResult.SAVED ? Optional.of(next)
                        : Optional.<Order>empty();
            });
            var winners = results.stream().flatMap(Optional::stream).toList();
            assertEquals(1, winners.size(), "winners in round " + round);
            assertEquals(Optional.of(winners.getFirst()), port.load(order.id()));
            current = winners.getFirst();
        }
        assertEquals(6, port.load(order.id()).orElseThrow().version());
    }

    @Test
    void listing_is_newest_first_and_filters_by_status_customer_and_placement_time() {
        var customer = newCustomer();
        var orders = new ArrayList<Order>();
        for (int i = 0; i < 6; i++) {
            var order = pending(newId(), customer, T0.plusSeconds(i));
            port.save(order, 0);
            orders.add(order);
        }
        var confirmed = confirmed((Order.Pending) orders.get(2));
        port.save(confirmed, 1);
        port.save(pending(), 0); // another customer's

        var mine = port.list(byCustomer(customer), PageRequest.first(50));
        assertEquals(List.of(5, 4, 2, 3, 1, 0).size(), mine.items().size());
        assertEquals(orders.get(5).id(), mine.items().getFirst().id());
        assertEquals(orders.get(0).id(), mine.items().getLast().id());
        assertEquals(Optional.empty(), mine.next());

        var confirmedOnly = new OrderFilter(Optional.of(OrderStatus.CONFIRMED), Optional.of(customer),
                Optional.empty(), Optional.empty());
        assertEquals(List.of(confirmed), port.list(confirmedOnly, PageRequest.first(10)).items());

        var window = new OrderFilter(Optional.empty(), Optional.of(customer), Optional.of(T0.plusSeconds(1)),
                Optional.of(T0.plusSeconds(3)));
        assertEquals(List.of(orders.get(2).id(), orders.get(1).id()),
                port.list(window, PageRequest.first(10)).items().stream().map(Order::id).toList());
    }

    @Test
    void orders_placed_at_the_same_instant_page_by_id() {
        var customer = newCustomer();
        var ids = new HashSet<OrderId>();
        for (int i = 0; i < 7; i++) {
            var order = pending(newId(), customer, T0);
            port.save(order, 0);
            ids.add(order.id());
        }
        var seen = new ArrayList<OrderId>();
        Optional<PageCursor> after = Optional.empty();
        do {
            var page = port.list(byCustomer(customer), new PageRequest(after, 2));
            assertTrue(page.items().size() <= 2);
            page.items().forEach(o -> seen.add(o.id()));
            after = page.next();
        } while (after.isPresent());
        assertEquals(ids, new HashSet<>(seen));
        assertEquals(ids.size(), seen.size());
    }

    @Test
    void paging_returns_every_order_exactly_once_while_orders_are_inserted() throws Exception {
        var customer = newCustomer();
        var existing = new HashSet<OrderId>();
        for (int i = 0; i < 120; i++) {
            var order = pending(newId(), customer, T0.plus(Duration.ofMillis(i * 7L % 50)));
            port.save(order, 0);
            existing.add(order.id());
        }
        var paging = new AtomicBoolean(true);
        var inserted = new ArrayList<Boolean>();
        var writer = Thread.ofPlatform().start(() -> {
            int n = 0;
            while (paging.get() && n < 500) {
                var placedAt = T0.plus(Duration.ofMillis(n % 2 == 0 ? 60 + n : n % 50));
                port.save(pending(newId(), customer, placedAt), 0);
                n++;
            }
            inserted.add(n > 0);
        });
        var seen = new ArrayList<OrderId>();
        Optional<PageCursor> after = Optional.empty();
        try {
            do {
                var page = port.list(byCustomer(customer), new PageRequest(after, 7));
                page.items().forEach(o -> seen.add(o.id()));
                after = page.next();
                Thread.onSpinWait();
            } while (after.isPresent());
        } finally {
            paging.set(false);
            writer.join();
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "an order was listed twice");
        assertTrue(seen.containsAll(existing), "an order that existed before paging was missed");
        assertFalse(inserted.isEmpty());
    }

    @Test
    void a_page_is_never_larger_than_its_limit_and_the_last_page_has_no_cursor() {
        var customer = newCustomer();
        for (int i = 0; i < 5; i++) {
            port.save(pending(newId(), customer, T0.plusSeconds(i)), 0);
        }
        var first = port.list(byCustomer(customer), PageRequest.first(5));
        assertEquals(5, first.items().size());
        assertEquals(Optional.empty(), first.next());
        var small = port.list(byCustomer(customer), PageRequest.first(4));
        assertEquals(4, small.items().size());
        var last = port.list(byCustomer(customer), new PageRequest(small.next(), 4));
        assertEquals(1, last.items().size());
        assertEquals(Optional.empty(), last.next());
    }

    @Test
    void an_overdue_claim_takes_pending_orders_placed_before_the_cutoff_oldest_first_up_to_its_limit() {
        var oldest = pending(newId(), newCustomer(), T0.minusSeconds(30));
        var older = pending(newId(), newCustomer(), T0.minusSeconds(20));
        var old = pending(newId(), newCustomer(), T0.minusSeconds(10));
        var atTheCutoff = pending(newId(), newCustomer(), T0);
        var confirmedLongAgo = pending(newId(), newCustomer(), T0.minusSeconds(40));
        for (var order : List.of(old, atTheCutoff, oldest, older, confirmedLongAgo)) {
            port.save(order, 0);
        }
        port.save(confirmed(confirmedLongAgo), 1);

        var claimed = transactions.inTransaction(() -> port.claimOverdue(T0, 2));
        var all = transactions.inTransaction(() -> port.claimOverdue(T0, 10));

        assertEquals(List.of(new Orders.Overdue(oldest.id(), 1), new Orders.Overdue(older.id(), 1)), claimed);
        assertEquals(List.of(oldest.id(), older.id(), old.id()), all.stream().map(Orders.Overdue::id).toList());
    }

    @Test
    void an_overdue_claim_reports_the_version_it_claimed_and_skips_orders_no_longer_pending() {
        var order = pending(newId(), newCustomer(), T0.minusSeconds(60));
        port.save(order, 0);
        port.save(cancelled(order, "changed mind"), 1);
        var other = pending(newId(), newCustomer(), T0.minusSeconds(50));
        port.save(other, 0);

        var claimed = transactions.inTransaction(() -> port.claimOverdue(T0, 10));

        assertEquals(List.of(new Orders.Overdue(other.id(), 1)), claimed);
    }

    private static OrderFilter byCustomer(dev.orderflow.domain.CustomerId customer) {
        return new OrderFilter(Optional.empty(), Optional.of(customer), Optional.empty(), Optional.empty());
    }
}
