package dev.orderflow.application.contract;

import static dev.orderflow.application.contract.ContractFixtures.event;
import static dev.orderflow.application.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.domain.OrderEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orderflow.application.port.out.OrderEventLog}. */
public abstract class OrderEventLogContract extends StorageContract {

    @Test
    void events_come_back_in_version_order_and_equal_to_what_was_appended() {
        var id = newId();
        var first = List.of(event(id, 1), event(id, 2));
        var second = List.of(event(id, 3));
        storage.eventLog().append(first);
        storage.eventLog().append(second);
        storage.eventLog().append(List.of(event(newId(), 1)));
        assertEquals(List.of(first.get(0), first.get(1), second.get(0)), storage.eventLog().history(id));
    }

    @Test
    void an_order_without_events_has_an_empty_history() {
        assertEquals(List.of(), storage.eventLog().history(newId()));
    }

    @Test
    void a_version_appended_twice_is_refused_and_nothing_of_that_call_is_kept() {
        var id = newId();
        var kept = List.of(event(id, 1), event(id, 2));
        storage.eventLog().append(kept);
        assertThrows(IllegalStateException.class,
                () -> storage.transactions().inTransaction(() -> {
                    storage.eventLog().append(List.of(event(id, 3), event(id, 2)));
                    return null;
                }));
        assertEquals(kept, storage.eventLog().history(id));
    }

    @Test
    void events_appended_in_a_failed_transaction_are_not_kept() {
        var id = newId();
        var kept = List.<OrderEvent>of(event(id, 1));
        storage.eventLog().append(kept);
        assertThrows(IllegalArgumentException.class, () -> storage.transactions().inTransaction(() -> {
            storage.eventLog().append(List.of(event(id, 2)));
            throw new IllegalArgumentException("fails after the append");
        }));
        assertEquals(kept, storage.eventLog().history(id));
    }
}
