package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.ACTOR;
import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.cancelled;
import static dev.orderflow.testkit.contract.ContractFixtures.confirmed;
import static dev.orderflow.testkit.contract.ContractFixtures.event;
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
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
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
 * The batches of {@link GroupedStatements} on PostgreSQL, as {@link GroupCommit} relies on them: one outcome per
 * write, in the batch's order, and all or nothing, so that a batch that fails can be written again one write at a
 * time.
 */
class GroupedStatementsIT {

    @RegisterExtension
    static final TestStorage running = new TestStorage(Map.of());

    private OrderStorage storage;
    private BatchStatement<GroupedStatements.Placement> statement;
    private BatchStatement<GroupedStatements.Change> updates;
    private BatchStatement<GroupedStatements.Change> insertions;
    private EventJson events;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        storage = running.emptied();
        var context = running.context();
        ConnectionOperations<Connection> connections = context.getBean(ConnectionOperations.class);
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        var sql = new Sql(connections, transactions, new Reachability());
        statement = GroupedStatements.placements(sql, connections);
        updates = GroupedStatements.updates(sql, connections);
        insertions = GroupedStatements.insertions(sql, connections);
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

    @Test
    void each_change_of_a_batch_is_saved_if_its_order_is_at_the_expected_version() {
        var orders = List.of(pending(), pending(), pending());
        assertEquals(List.of(true, true, true), insertions.write(orders.stream().map(this::insertion).toList()));
        var stale = change(confirmed(orders.get(1)), 0);

        assertEquals(List.of(true, false, true), updates.write(List.of(confirmation(orders.get(2)), stale,
                confirmation(orders.getFirst()))));
        for (var order : List.of(orders.getFirst(), orders.get(2))) {
            assertEquals(Optional.of(confirmed(order)), storage.orders().load(order.id()));
            assertEquals(List.of(placed(order), event(order.id(), 2)), storage.eventLog().history(order.id()));
        }
        assertEquals(Optional.of(orders.get(1)), storage.orders().load(orders.get(1).id()));
        assertEquals(List.of(placed(orders.get(1))), storage.eventLog().history(orders.get(1).id()));
    }

    @Test
    void of_two_changes_of_one_order_in_a_batch_the_older_is_saved() {
        var order = pending();
        insertions.write(List.of(insertion(order)));
        var cancelled = change(cancelled(order, "late"), 1);

        assertEquals(List.of(true, false), updates.write(List.of(confirmation(order), cancelled)));
        assertEquals(Optional.of(confirmed(order)), storage.orders().load(order.id()));
        assertEquals(List.of(placed(order), event(order.id(), 2)), storage.eventLog().history(order.id()));
    }

    @Test
    void an_insertion_of_a_taken_id_writes_nothing_and_the_others_are_saved() {
        var existing = pending();
        insertions.write(List.of(insertion(existing)));
        var again = pending(existing.id(), newCustomer(), T0.plusSeconds(5));
        var other = pending();

        assertEquals(List.of(false, true), insertions.write(List.of(insertion(again), insertion(other))));
        assertEquals(Optional.of(existing), storage.orders().load(existing.id()));
        assertEquals(List.of(placed(existing)), storage.eventLog().history(existing.id()));
        assertEquals(Optional.of(other), storage.orders().load(other.id()));
    }

    private GroupedStatements.Placement placement(String key, Order.Pending order) {
        return new GroupedStatements.Placement(key, "fp", T0, T0.minusSeconds(60), T0.plus(Duration.ofHours(24)),
                reply(order).bytes(), insertion(order));
    }

    private GroupedStatements.Change insertion(Order.Pending order) {
        return new GroupedStatements.Change(OrderMapper.row(order), 0, events.one(placed(order)), null);
    }

    private GroupedStatements.Change confirmation(Order.Pending order) {
        return change(confirmed(order), 1);
    }

    private GroupedStatements.Change change(Order changed, long expectedVersion) {
        return new GroupedStatements.Change(OrderMapper.row(changed), expectedVersion,
                events.one(changed instanceof Order.Cancelled
                        ? new OrderEvent.OrderCancelled(changed.id(), 2, T0.plusSeconds(9), ACTOR,
                                new CancellationReason("late"))
                        : event(changed.id(), changed.version())), null);
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
