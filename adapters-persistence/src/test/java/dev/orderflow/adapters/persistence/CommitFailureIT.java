package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.ACTOR;
import static dev.orderflow.testkit.contract.ContractFixtures.ADDRESS;
import static dev.orderflow.testkit.contract.ContractFixtures.lines;
import static dev.orderflow.testkit.contract.ContractFixtures.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.PageRequest;
import dev.orderflow.testkit.ManualClock;
import dev.orderflow.testkit.Samples;
import dev.orderflow.testkit.SequentialOrderIds;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A transaction whose commit fails because the connection dropped ({@link FailingCommits}, a Mockito stand-in
 * for the JDBC driver's connection) keeps nothing: no order, no event, no outbox entry; the failure reaches
 * the caller; and the next transaction on a healthy connection commits as usual. (A placement on its own is one
 * statement that PostgreSQL commits by itself, with no commit call; here it runs in a caller's transaction.)
 */
class CommitFailureIT {

    @RegisterExtension
    static final TestStorage running = new TestStorage(Map.of("orderflow.test.failing-commits", true));

    @AfterEach
    void disarm() {
        FailingCommits.ARMED.set(false);
    }

    @Test
    void a_placement_in_a_transaction_whose_commit_fails_leaves_nothing_and_the_next_one_is_stored() {
        var storage = running.emptied();
        var ids = new SequentialOrderIds();
        var service = new OrderService(storage, new ManualClock(Samples.T0), ids);
        var order = new NewOrder(newCustomer(), lines(), ADDRESS, ACTOR);

        FailingCommits.ARMED.set(true);
        var failure = assertThrows(RuntimeException.class,
                () -> storage.transactions().inTransaction(() -> service.place(order)));
        FailingCommits.ARMED.set(false);
        assertTrue(Stream.iterate((Throwable) failure, Objects::nonNull, Throwable::getCause)
                        .anyMatch(cause -> cause instanceof SQLException sql && "08006".equals(sql.getSQLState())),
                () -> "not the lost connection: " + failure);

        var lost = SequentialOrderIds.nth(1);
        assertEquals(Optional.empty(), storage.orders().load(lost));
        assertEquals(0, storage.eventLog().history(lost).size());
        assertEquals(0, storage.outbox().backlog().size());

        var placed = assertInstanceOf(CommandResult.Accepted.class, service.place(order));
        assertEquals(Optional.of(placed.order()), storage.orders().load(placed.order().id()));
        assertEquals(1, storage.orders().list(OrderFilter.all(), PageRequest.first(10)).items().size());
        assertEquals(1, storage.outbox().backlog().size());
    }
}
