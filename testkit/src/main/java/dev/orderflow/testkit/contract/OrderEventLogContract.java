package dev.orderflow.testkit.contract;

import dev.orderflow.application.port.out.OrderEventLog;
import static dev.orderflow.testkit.contract.ContractFixtures.event;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.domain.OrderEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orderflow.application.port.out.OrderEventLog}. */
public abstract class OrderEventLogContract extends PortContract<OrderEventLog> {

    @Test
    void events_come_back_in_version_order_and_equal_to_what_was_appended() {
        var id = newId();
        var first = List.of(event(id, 1), event(id, 2));
        var second = List.of(event(id, 3));
        port.append(first);
        port.append(second);
        port.append(List.of(event(newId(), 1)));
        assertEquals(List.of(first.get(0), first.get(1), second.get(0)), port.history(id));
    }

    @Test
    void an_order_without_events_has_an_empty_history() {
        assertEquals(List.of(), port.history(newId()));
    }

    @Test
    void a_version_appended_twice_is_refused_and_nothing_of_that_call_is_kept() {
        var id = newId();
        var kept = List.of(event(id, 1), event(id, 2));
        port.append(kept);
        assertThrows(IllegalStateException.class,
                () -> transactions.inTransaction(() -> {
                    port.append(List.of(event(id, 3), event(id, 2)));
                    return null;
                }));
        assertEquals(kept, port.history(id));
    }

    @Test
    void events_appended_in_a_failed_transaction_are_not_kept() {
        var id = newId();
        var kept = List.<OrderEvent>of(event(id, 1));
        port.append(kept);
        assertThrows(IllegalArgumentException.class, () -> transactions.inTransaction(() -> {
            port.append(List.of(event(id, 2)));
            throw new IllegalArgumentException("fails after the append");
        }));
        assertEquals(kept, port.history(id));
    }
}
