package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.newCustomer;
import static dev.orderflow.testkit.contract.ContractFixtures.pending;
import static dev.orderflow.testkit.contract.ContractFixtures.placed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.domain.Order;
import dev.orderflow.events.EventCodec;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The batch of keyed placements on PostgreSQL, as {@link GroupCommit} relies on it: one row count per placement,
 * in order, and all or nothing, so that a batch that fails can be written again one placement at a time.
 */
class PlacementStatementIT {

    @RegisterExtension
    static final TestStorage running = new TestStorage(Map.of());

    private OrderStorage storage;
    private PlacementStatement statement;
    private EventJson events;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        storage = running.emptied();
        var context = running.context();
        ConnectionOperations<Connection> connections = context.getBean(ConnectionOperations.class);
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        statement = new PlacementStatement(new Sql(connections, transactions, new Reachability()), connections);
        events = new EventJson(new EventCodec(context.getBean(JsonMapper.class)));
    }

    @Test
    void each_placement_of_a_batch_places_its_order_under_its_key() {
        var orders = List.of(pending(), pending(), pending());

        assertEquals(List.of(true, true, true), statement.write(orders.stream().map(o -> placement("k-" + o.id(), o))
                .toList()));
        for (var order : orders) {
            assertEquals(Optional.of(order), storage.orders().load(order.id()));
            assertEquals(List.of(placed(order)), storage.eventLog().history(order.id()));
            assertEquals(new Claim.Completed("fp", reply(order)), claimLater("k-" + order.id()));
        }
    }

    @Test
    void a_key_held_before_or_earlier_in_the_batch_places_nothing() {
        var first = pending();
        statement.write(List.of(placement("held", first)));
        var second = pending();
        var third = pending();
        var fourth = pending();

        assertEquals(List.of(false, true, false), statement.write(List.of(placement("held", second),
                placement("new", third), placement("new", fourth))));
        assertEquals(Optional.empty(), storage.orders().load(second.id()));
        assertEquals(Optional.of(third), storage.orders().load(third.id()));
        assertEquals(Optional.empty(), storage.orders().load(fourth.id()));
        assertEquals(new Claim.Completed("fp", reply(third)), claimLater("new"));
    }

    @Test
    void a_taken_order_id_fails_the_batch_and_nothing_of_it_is_kept() {
        var existing = pending();
        statement.write(List.of(placement("existing", existing)));
        var before = pending();
        var after = pending();
        var again = pending(existing.id(), newCustomer(), T0.plusSeconds(5));

        var failure = assertThrows(StorageException.class, () -> statement.write(List.of(placement("a", before),
                placement("b", again), placement("c", after))));
        assertTrue(Sql.isUniqueViolation(failure), failure::toString);
        assertEquals(Optional.empty(), storage.orders().load(before.id()));
        assertEquals(Optional.empty(), storage.orders().load(after.id()));
        for (var key : List.of("a", "b", "c")) {
            assertEquals(new Claim.Acquired(), claimLater(key), key);
        }
        assertEquals(List.of(placed(existing)), storage.eventLog().history(existing.id()));
    }

    private PlacementStatement.Placement placement(String key, Order.Pending order) {
        return new PlacementStatement.Placement(key, "fp", T0, T0.minusSeconds(60), T0.plus(Duration.ofHours(24)),
                reply(order).bytes(), OrderMapper.row(order), events.one(placed(order)), null);
    }

    /** What a later claim of the key finds (and takes, if the key is free). */
    private Claim claimLater(String key) {
        return storage.transactions().inTransaction(() -> storage.idempotencyKeys()
                .claim(new IdempotencyKey(key), "fp-later", T0.plusSeconds(1), T0, T0.plus(Duration.ofHours(24))));
    }

    private static StoredReply reply(Order order) {
        return new StoredReply(("placed " + order.id()).getBytes(StandardCharsets.UTF_8));
    }
}
