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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OrderChanges}: the state, the event log and the outbox change together or not at all,
 * as {@link OrderChanges#of} changes them with the three ports; on their own, or as part of a caller's
 * transaction.
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

    private SaveResult record(Order order, long expectedVersion, List<OrderEvent> events) {
        return storage.changes().record(order, expectedVersion, events);
    }

    private List<OrderEvent> published() {
        return publishAll(storage.outbox(), T0).stream().map(OutboxEntry::event).toList();
    }
}
