package dev.orderflow.testkit.contract;

import static dev.orderflow.testkit.contract.ContractFixtures.ACTOR;
import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.cancelled;
import static dev.orderflow.testkit.contract.ContractFixtures.confirmed;
import static dev.orderflow.testkit.contract.ContractFixtures.event;
import static dev.orderflow.testkit.contract.ContractFixtures.pending;
import static dev.orderflow.testkit.contract.ContractFixtures.placed;
import static dev.orderflow.testkit.contract.ContractFixtures.publishAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.port.out.OrderChanges;
import dev.orderflow.application.port.out.Orders.SaveResult;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OrderChanges}: the state, the event log and the outbox change together or not at all,
 * as {@link OrderChanges#of} changes them with the three ports; on their own, or as part of a caller's
 * transaction; and concurrently (an adapter may write concurrent changes together).
 */
public abstract class OrderChangesContract extends StorageContract {

    @Test
    void a_new_order_is_saved_with_its_event_in_the_log_and_in_the_outbox() {
        var order = pending();
        var events = List.<OrderEvent>of(placed(order));
        assertEquals(SaveResult.SAVED, record(order, 0, events));
        assertEquals(Optional.of(order), storage.orders().load(order.id()));
        assertEquals(events, storage.eventLog().history(order.id()));
        assertEquals(events, published());
    }

    @Test
    void a_change_at_the_expected_version_is_saved_with_its_event() {
        var order = pending();
        record(order, 0, List.of(placed(order)));
        var confirmed = confirmed(order);
        var confirmation = event(order.id(), 2);
        assertEquals(SaveResult.SAVED, record(confirmed, 1, List.of(confirmation)));
        assertEquals(Optional.of(confirmed), storage.orders().load(order.id()));
        assertEquals(List.of(placed(order), confirmation), storage.eventLog().history(order.id()));
        assertEquals(List.of(placed(order), confirmation), published());
    }

    @Test
    void several_events_of_one_change_are_appended_in_their_order() {
        var order = pending();
        var confirmed = confirmed(order);
        var events = List.of(placed(order), event(order.id(), 2));
        assertEquals(SaveResult.SAVED, record(confirmed, 0, events));
        assertEquals(Optional.of(confirmed), storage.orders().load(order.id()));
        assertEquals(events, storage.eventLog().history(order.id()));
        assertEquals(events, published());
    }

    @Test
    void a_conflict_changes_nothing_and_appends_no_event() {
        var order = pending();
        record(order, 0, List.of(placed(order)));
        var again = pending(order.id(), order.details().customerId(), T0.plusSeconds(5));
        assertEquals(SaveResult.CONFLICT, record(again, 0, List.of(placed(again))));
        var confirmed = confirmed(order);
        record(confirmed, 1, List.of(event(order.id(), 2)));
        var cancellation = new OrderEvent.OrderCancelled(order.id(), 2, T0.plusSeconds(9), ACTOR,
                new CancellationReason("late"));
        assertEquals(SaveResult.CONFLICT, record(cancelled(order, "late"), 1, List.of(cancellation)));
        assertEquals(Optional.of(confirmed), storage.orders().load(order.id()));
        assertEquals(List.of(placed(order), event(order.id(), 2)), storage.eventLog().history(order.id()));
        assertEquals(2, published().size());
    }

    @Test
    void a_version_the_log_holds_already_is_refused_and_nothing_is_kept() {
        var order = pending();
        var taken = List.<OrderEvent>of(placed(order));
        storage.eventLog().append(taken);
        assertThrows(IllegalStateException.class, () -> record(order, 0, taken));
        assertEquals(Optional.empty(), storage.orders().load(order.id()));
        assertEquals(taken, storage.eventLog().history(order.id()));
        assertEquals(List.of(), published());
    }

    @Test
    void in_a_transaction_that_fails_afterwards_nothing_of_the_change_is_kept() {
        var order = pending();
        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            record(order, 0, List.of(placed(order)));
            throw new IllegalStateException("the caller fails after the change");
        }));
        assertEquals(Optional.empty(), storage.orders().load(order.id()));
        assertEquals(List.of(), storage.eventLog().history(order.id()));
        assertEquals(List.of(), published());
    }

    @Test
    void concurrent_changes_of_their_own_orders_are_each_saved() throws Exception {
        var orders = Stream.generate(ContractFixtures::pending).limit(24).toList();
        orders.forEach(order -> record(order, 0, List.of(placed(order))));
        var results = Concurrently.run(orders.stream().<Callable<SaveResult>>map(order -> () ->
                record(confirmed(order), 1, List.of(event(order.id(), 2)))).toList());
        assertEquals(Collections.nCopies(24, SaveResult.SAVED), results);
        for (var order : orders) {
            assertEquals(Optional.of(confirmed(order)), storage.orders().load(order.id()));
            assertEquals(List.of(placed(order), event(order.id(), 2)), storage.eventLog().history(order.id()));
        }
        assertEquals(48, published().size());
    }

    @Test
    void of_concurrent_changes_of_one_order_at_one_version_one_is_saved() throws Exception {
        var order = pending();
        record(order, 0, List.of(placed(order)));
        var results = Concurrently.times(8, () -> record(confirmed(order), 1, List.of(event(order.id(), 2))));
        assertEquals(1, results.stream().filter(SaveResult.SAVED::equals).count(), results::toString);
        assertEquals(List.of(placed(order), event(order.id(), 2)), storage.eventLog().history(order.id()));
        assertEquals(2, published().size());
    }

    @Test
    void concurrent_new_orders_are_each_saved_and_a_taken_id_changes_nothing() throws Exception {
        var existing = pending();
        record(existing, 0, List.of(placed(existing)));
        var again = pending(existing.id(), existing.details().customerId(), T0.plusSeconds(5));
        var others = Stream.generate(ContractFixtures::pending).limit(15).toList();
        var tasks = new ArrayList<Callable<SaveResult>>();
        tasks.add(() -> record(again, 0, List.of(placed(again))));
        others.forEach(order -> tasks.add(() -> record(order, 0, List.of(placed(order)))));
        var results = Concurrently.run(tasks);
        assertEquals(SaveResult.CONFLICT, results.getFirst());
        assertEquals(Collections.nCopies(15, SaveResult.SAVED), results.subList(1, results.size()));
        for (var order : others) {
            assertEquals(List.of(placed(order)), storage.eventLog().history(order.id()));
        }
        assertEquals(Optional.of(existing), storage.orders().load(existing.id()));
        assertEquals(16, published().size());
    }

    private SaveResult record(Order order, long expectedVersion, List<OrderEvent> events) {
        return storage.changes().record(order, expectedVersion, events);
    }

    private List<OrderEvent> published() {
        return publishAll(storage.outbox(), T0).stream().map(OutboxEntry::event).toList();
    }
}
