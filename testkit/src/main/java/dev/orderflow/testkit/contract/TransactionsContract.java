package dev.orderflow.testkit.contract;

import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.pending;
import static dev.orderflow.testkit.contract.ContractFixtures.placed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.domain.OrderEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orderflow.application.port.out.Transactions} across the storage ports. */
public abstract class TransactionsContract extends StorageContract {

    @Test
    void a_state_change_its_events_and_outbox_entries_commit_together() {
        var order = pending();
        var events = List.<OrderEvent>of(placed(order));
        storage.transactions().inTransaction(() -> {
            storage.orders().save(order, 0);
            storage.eventLog().append(events);
            storage.outbox().append(events);
            return null;
        });
        assertEquals(Optional.of(order), storage.orders().load(order.id()));
        assertEquals(events, storage.eventLog().history(order.id()));
        assertEquals(1, ContractFixtures.publishAll(storage.outbox(), T0).size());
    }

    @Test
    void a_failure_half_way_leaves_no_order_no_event_and_no_outbox_entry() {
        var order = pending();
        var events = List.<OrderEvent>of(placed(order));
        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            storage.orders().save(order, 0);
            storage.eventLog().append(events);
            storage.outbox().append(events);
            throw new IllegalStateException("fails before commit");
        }));
        assertEquals(Optional.empty(), storage.orders().load(order.id()));
        assertEquals(List.of(), storage.eventLog().history(order.id()));
        assertEquals(0, storage.outbox().backlog().size());
    }

    @Test
    void a_nested_transaction_joins_the_outer_one() {
        var order = pending();
        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            storage.transactions().inTransaction(() -> storage.orders().save(order, 0));
            throw new IllegalStateException("outer fails");
        }));
        assertEquals(Optional.empty(), storage.orders().load(order.id()));
    }

    @Test
    void the_work_result_is_returned() {
        assertEquals("done", storage.transactions().inTransaction(() -> "done"));
    }
}
