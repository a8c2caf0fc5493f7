package dev.orderflow.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.domain.Order;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryOrderflowTest {

    private final InMemoryOrderflow orderflow = InMemoryOrderflow.create();

    private CommandResult.Accepted place() {
        return assertInstanceOf(CommandResult.Accepted.class, orderflow.orders().place(
                new NewOrder(Samples.CUSTOMER, Samples.lines(), Samples.ADDRESS, Samples.CLERK)));
    }

    @Test
    void ids_and_times_are_known_in_advance() {
        assertEquals(SequentialOrderIds.nth(1), place().order().id());
        orderflow.clock().advance(Duration.ofMinutes(1));
        var second = place().order();
        assertEquals(SequentialOrderIds.nth(2), second.id());
        assertEquals(Samples.at(1), second.details().placedAt());
    }

    @Test
    void the_sample_events_are_what_the_service_records_for_the_sample_order() {
        var id = place().order().id();
        orderflow.clock().set(Samples.at(1));
        assertInstanceOf(Order.Confirmed.class, assertInstanceOf(CommandResult.Accepted.class,
                orderflow.orders().confirm(id, ExpectedVersion.any(), Samples.CLERK)).order());

        assertEquals(List.of(Samples.placed(id), Samples.confirmed(id)), orderflow.orders().history(id).orElseThrow());
        assertEquals(List.of(Samples.placed(id), Samples.confirmed(id)), orderflow.published().events());
    }
}
