package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.ACTOR;
import static dev.orderflow.testkit.contract.ContractFixtures.ADDRESS;
import static dev.orderflow.testkit.contract.ContractFixtures.lines;
import static dev.orderflow.testkit.contract.ContractFixtures.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.testkit.contract.Concurrently;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OrderService} on the PostgreSQL adapters: racing writers and a transaction that fails half-way. */
class PostgresOrderServiceIT {

    // PostgreSQL keeps microseconds
    private static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    @RegisterExtension
    static final TestStorage running = new TestStorage();

    private static NewOrder newOrder() {
        return new NewOrder(newCustomer(), lines(), ADDRESS, ACTOR);
    }

    @Test
    void confirm_and_cancel_racing_on_one_order_have_one_winner_and_a_gapless_history() throws Exception {
        var storage = running.emptied();
        var service = new OrderService(storage, CLOCK, new TimeOrderedIds(CLOCK));
        for (int round = 0; round < 25; round++) {
            var id = ((CommandResult.Accepted) service.place(newOrder())).order().id();
            var results = Concurrently.run(List.<Callable<CommandResult>>of(
                    () -> service.confirm(id, ExpectedVersion.exactly(1), ACTOR),
                    () -> service.cancel(id, ExpectedVersion.exactly(1), new CancellationReason("changed mind"), ACTOR)));

            var winners = results.stream().filter(CommandResult.Accepted.class::isInstance).toList();
            assertEquals(1, winners.size(), "winners in round " + round + ": " + results);
            assertEquals(1, results.stream().filter(CommandResult.VersionMismatch.class::isInstance).count());
            var winner = ((CommandResult.Accepted) winners.getFirst()).order();
            assertEquals(Optional.of(winner), storage.orders().load(id));
            var history = storage.eventLog().history(id);
            assertEquals(List.of(1L, 2L), history.stream().map(OrderEvent::version).toList());
            Class<? extends OrderEvent> expected = winner.status() == OrderStatus.CONFIRMED
                    ? OrderEvent.OrderConfirmed.class : OrderEvent.OrderCancelled.class;
            assertInstanceOf(expected, history.get(1));
        }
        assertEquals(50, storage.outbox().backlog().size(), "one outbox entry per event");
    }

    @Test
    void a_constraint_violation_on_the_outbox_insert_leaves_no_order_no_event_and_no_outbox_entry() {
        var storage = running.emptied();
        var poisoned = new OrderId(UUID.randomUUID());
        running.execute("ALTER TABLE outbox ADD CONSTRAINT refuse_poisoned CHECK (order_id <> '" + poisoned + "')");
        try {
            var service = new OrderService(storage, CLOCK, () -> poisoned);
            var failure = assertThrows(StorageException.class, () -> service.place(newOrder()));
            assertEquals("23514", ((java.sql.SQLException) failure.getCause()).getSQLState());

            assertEquals(Optional.empty(), storage.orders().load(poisoned));
            assertEquals(List.of(), storage.eventLog().history(poisoned));
            assertEquals(0, storage.outbox().backlog().size());
        } finally {
            running.execute("ALTER TABLE outbox DROP CONSTRAINT refuse_poisoned");
        }
    }
}
