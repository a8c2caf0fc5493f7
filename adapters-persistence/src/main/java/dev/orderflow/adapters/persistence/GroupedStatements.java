package dev.orderflow.adapters.persistence;

import static java.util.Map.entry;

import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The writes that {@link GroupCommit} sends to PostgreSQL in batches ({@link BatchStatement}): the statements of
 * {@link OrderChangeRows}, each ending in the insert of the outbox entry, so that its row count is 1 if it wrote
 * the order's row, its event and the entry, and 0 if it wrote nothing.
 * <ul>
 *   <li>{@link #placements}: a keyed placement; 0 if the key was busy or held (the caller then runs the statement
 *   that tells which);</li>
 *   <li>{@link #insertions}: an order placed without a key; 0 if an order with its id exists;</li>
 *   <li>{@link #updates}: a change of an order; 0 if the order is no longer at the expected version. They run in
 *   the order of the orders' ids: two batches that change the same orders cannot deadlock.</li>
 * </ul>
 */
final class GroupedStatements {

    /** A change of an order: its row as it is to be, the version it must have now, its event, the trace context. */
    record Change(OrderRow order, long expectedVersion, EventJson.Rows.One event, String traceContext) {
    }

    /** A placement under a key: the key's values and the change (expected version 0). */
    record Placement(String key, String fingerprint, Instant now, Instant staleBefore, Instant expiresAt,
                     byte[] reply, Change change) {
    }

    private static final Map<String, Function<Change, Object>> CHANGE = Map.ofEntries(
            entry("id", c -> c.order().id()),
            entry("expectedVersion", Change::expectedVersion),
            entry("version", c -> c.order().version()),
            entry("status", c -> c.order().status()),
            entry("customerId", c -> c.order().customerId()),
            entry("currency", c -> c.order().currency()),
            entry("totalMinor", c -> c.order().totalMinor()),
            entry("shipRecipient", c -> c.order().shipRecipient()),
            entry("shipLine1", c -> c.order().shipLine1()),
            entry("shipLine2", c -> c.order().shipLine2()),
            entry("shipPostalCode", c -> c.order().shipPostalCode()),
            entry("shipCity", c -> c.order().shipCity()),
            entry("shipRegion", c -> c.order().shipRegion()),
            entry("shipCountry", c -> c.order().shipCountry()),
            entry("placedAt", c -> c.order().placedAt()),
            entry("updatedAt", c -> c.order().updatedAt()),
            entry("confirmedAt", c -> c.order().confirmedAt()),
            entry("shippedAt", c -> c.order().shippedAt()),
            entry("carrier", c -> c.order().carrier()),
            entry("trackingNumber", c -> c.order().trackingNumber()),
            entry("deliveredAt", c -> c.order().deliveredAt()),
            entry("cancelledFrom", c -> c.order().cancelledFrom()),
            entry("cancelledAt", c -> c.order().cancelledAt()),
            entry("cancellationReason", c -> c.order().cancellationReason()),
            entry("lineSkus", c -> c.order().lineSkus()),
            entry("lineQuantities", c -> c.order().lineQuantities()),
            entry("lineUnitPrices", c -> c.order().lineUnitPrices()),
            entry("traceContext", Change::traceContext),
            entry("eventVersion", c -> c.event().version()),
            entry("eventType", c -> c.event().eventType()),
            entry("occurredAt", c -> c.event().occurredAt()),
            entry("payloadJson", c -> c.event().payload()));

    private static final Map<String, Function<Placement, Object>> PLACEMENT = placementValues();

    private static Map<String, Function<Placement, Object>> placementValues() {
        var values = new HashMap<String, Function<Placement, Object>>();
        CHANGE.forEach((name, value) -> values.put(name, p -> value.apply(p.change())));
        values.put("key", Placement::key);
        values.put("fingerprint", Placement::fingerprint);
        values.put("now", Placement::now);
        values.put("staleBefore", Placement::staleBefore);
        values.put("expiresAt", Placement::expiresAt);
        values.put("reply", Placement::reply);
        return Map.copyOf(values);
    }

    private static final Comparator<Change> BY_ORDER = Comparator.comparing(c -> c.order().id());

    private GroupedStatements() {
    }

    /**
     * Keyed placements: the statement of {@link OrderChangeRows#claimAndInsertWithEvent}. They run in the keys'
     * order; of two placements under one key in a batch, the older takes it.
     */
    static BatchStatement<Placement> placements(Sql sql, ConnectionOperations<Connection> connections) {
        return new BatchStatement<>(sql, connections, batch -> batch.size() == 1
                ? "claim an idempotency key and place order " + batch.getFirst().change().order().id()
                : "claim " + batch.size() + " idempotency keys and place their orders",
                OrderChangeRows.CLAIM_AND_INSERT + OrderChangeRows.EVENT_COUNTED, PLACEMENT,
                Comparator.comparing(Placement::key));
    }

    /** Orders placed without a key: the order, its lines, its event and its outbox entry unless its id is taken. */
    static BatchStatement<Change> insertions(Sql sql, ConnectionOperations<Connection> connections) {
        return new BatchStatement<>(sql, connections, batch -> "place " + orders(batch),
                OrderRows.INSERT_IF_ABSENT + OrderChangeRows.EVENT_COUNTED, CHANGE, BY_ORDER);
    }

    /** Changes of orders at their expected versions: the state columns, the event and its outbox entry. */
    static BatchStatement<Change> updates(Sql sql, ConnectionOperations<Connection> connections) {
        return new BatchStatement<>(sql, connections, batch -> "change " + orders(batch),
                OrderChangeRows.UPDATE + OrderChangeRows.EVENT_COUNTED, CHANGE, BY_ORDER);
    }

    private static String orders(List<Change> batch) {
        return batch.size() == 1 ? "order " + batch.getFirst().order().id() : batch.size() + " orders";
    }
}
