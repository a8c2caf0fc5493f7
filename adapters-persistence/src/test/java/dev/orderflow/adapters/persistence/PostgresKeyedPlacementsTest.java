package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.pending;
import static dev.orderflow.testkit.contract.ContractFixtures.placed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import dev.orderflow.application.port.out.KeyedPlacements;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.events.EventCodec;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The keyed placement's statement commits on its own, so the key it found held can be gone when it is read
 * (expired and removed by retention in between): then the key is free and the placement is tried again.
 */
class PostgresKeyedPlacementsTest {

    private static final IdempotencyKey KEY = new IdempotencyKey("key-1");
    private static final StoredReply REPLY = new StoredReply("placed".getBytes(StandardCharsets.UTF_8));

    private final Sql sql = new Sql(null, null, new Reachability());
    @SuppressWarnings("unchecked")
    private final TransactionOperations<Connection> noTransaction = mock(TransactionOperations.class);
    private final PostgresIdempotencyKeys keys = mock(PostgresIdempotencyKeys.class);
    /** The batched statement placed nothing: the key was held (the statement that says so runs next). */
    @SuppressWarnings("unchecked")
    private final ConnectionOperations<Connection> heldInTheBatch = mock(ConnectionOperations.class,
            call -> List.of(false));
    private final KeyedPlacements notOneByOne = (key, fingerprint, now, staleBefore, expiresAt, placed, events,
                                                 reply) -> {
        throw new AssertionError("one order with one event is one statement");
    };

    @Test
    void a_held_key_that_is_gone_when_read_is_claimed_again() {
        var results = new ArrayDeque<>(List.of(OrderChangeRows.Placed.HELD, OrderChangeRows.Placed.PLACED));
        when(keys.held(KEY)).thenReturn(Optional.empty());

        assertEquals(new Claim.Acquired(), place(placements(mock(OrderChangeRows.class, call -> results.poll()))));
        assertEquals(List.of(), List.copyOf(results), "the statement ran twice");
    }

    @Test
    void a_held_key_answers_what_it_holds() {
        var results = new ArrayDeque<>(List.of(OrderChangeRows.Placed.HELD));
        var held = new Claim.Completed("fp-0", REPLY);
        when(keys.held(KEY)).thenReturn(Optional.of(held));

        assertEquals(held, place(placements(mock(OrderChangeRows.class, call -> results.poll()))));
        assertEquals(List.of(), List.copyOf(results), "the statement ran once");
    }

    private PostgresKeyedPlacements placements(OrderChangeRows rows) {
        var json = ObjectMapper.getDefault();
        var transactions = new TracedTransactions(sql, noTransaction, OpenTelemetry.noop().getTracer("test"));
        return new PostgresKeyedPlacements(sql, transactions, rows, new EventJson(new EventCodec(json)),
                new OutboxTraceContext(json), keys, notOneByOne,
                new GroupCommit<>(GroupedStatements.placements(sql, heldInTheBatch), 1, 64));
    }

    private static Claim place(PostgresKeyedPlacements placements) {
        var order = pending();
        return placements.claimAndPlace(KEY, "fp-1", T0, T0.minusSeconds(60), T0.plusSeconds(3600),
                Optional.<Order>of(order), List.<OrderEvent>of(placed(order)), REPLY);
    }
}
