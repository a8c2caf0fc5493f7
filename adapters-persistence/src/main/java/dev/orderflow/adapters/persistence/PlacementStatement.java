package dev.orderflow.adapters.persistence;

import static java.util.Map.entry;

import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Keyed placements written as a batch, the {@link GroupCommit.Writer} of placements: the statement of
 * {@link OrderChangeRows#claimAndInsertWithEvent}, ending in the insert of the outbox entry instead of the
 * outcome, once per placement, all sent at once and committed together (pgjdbc's batch ends in one Sync, so it is
 * one implicit transaction: all or nothing). Each statement's row count says whether it placed its order: 1 if it
 * took the key and wrote the order, its lines, its event and its outbox entry; 0 if the key was busy or held (the
 * caller then runs the statement that tells which).
 */
final class PlacementStatement implements GroupCommit.Writer<PlacementStatement.Placement, Boolean> {

    /** A placement's bound values: the key's, the order's row, its event and the trace context of its request. */
    record Placement(String key, String fingerprint, Instant now, Instant staleBefore, Instant expiresAt,
                     byte[] reply, OrderRow order, EventJson.Rows.One event, String traceContext) {
    }

    private static final String STATEMENT = OrderChangeRows.CLAIM_AND_INSERT + OrderChangeRows.EVENT_ROW + "\n"
            + OrderChangeRows.OUTBOX_ENTRY;

    /** A named parameter, as Micronaut Data writes them; not the second colon of a cast ({@code ::text[]}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

    private static final Map<String, Function<Placement, Object>> VALUES = Map.ofEntries(
            entry("key", Placement::key),
            entry("fingerprint", Placement::fingerprint),
            entry("now", p -> p.now()),
            entry("staleBefore", p -> p.staleBefore()),
            entry("expiresAt", p -> p.expiresAt()),
            entry("reply", Placement::reply),
            entry("id", p -> p.order().id()),
            entry("version", p -> p.order().version()),
            entry("status", p -> p.order().status()),
            entry("customerId", p -> p.order().customerId()),
            entry("currency", p -> p.order().currency()),
            entry("totalMinor", p -> p.order().totalMinor()),
            entry("shipRecipient", p -> p.order().shipRecipient()),
            entry("shipLine1", p -> p.order().shipLine1()),
            entry("shipLine2", p -> p.order().shipLine2()),
            entry("shipPostalCode", p -> p.order().shipPostalCode()),
            entry("shipCity", p -> p.order().shipCity()),
            entry("shipRegion", p -> p.order().shipRegion()),
            entry("shipCountry", p -> p.order().shipCountry()),
            entry("placedAt", p -> p.order().placedAt()),
            entry("updatedAt", p -> p.order().updatedAt()),
            entry("confirmedAt", p -> p.order().confirmedAt()),
            entry("shippedAt", p -> p.order().shippedAt()),
            entry("carrier", p -> p.order().carrier()),
            entry("trackingNumber", p -> p.order().trackingNumber()),
            entry("deliveredAt", p -> p.order().deliveredAt()),
            entry("cancelledFrom", p -> p.order().cancelledFrom()),
            entry("cancelledAt", p -> p.order().cancelledAt()),
            entry("cancellationReason", p -> p.order().cancellationReason()),
            entry("lineSkus", p -> p.order().lineSkus()),
            entry("lineQuantities", p -> p.order().lineQuantities()),
            entry("lineUnitPrices", p -> p.order().lineUnitPrices()),
            entry("traceContext", Placement::traceContext),
            entry("eventVersion", p -> p.event().version()),
            entry("eventType", p -> p.event().eventType()),
            entry("occurredAt", p -> p.event().occurredAt()),
            entry("payloadJson", p -> p.event().payload()));

    /** The statement with JDBC's positional parameters, and the value of each position. */
    private static final String JDBC_STATEMENT;
    private static final List<Function<Placement, Object>> POSITIONS;

    static {
        var positions = new ArrayList<Function<Placement, Object>>();
        var matcher = PARAMETER.matcher(STATEMENT);
        var jdbc = new StringBuilder();
        while (matcher.find()) {
            var value = VALUES.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for the parameter :" + matcher.group(1));
            }
            positions.add(value);
            matcher.appendReplacement(jdbc, "?");
        }
        matcher.appendTail(jdbc);
        JDBC_STATEMENT = jdbc.toString();
        POSITIONS = List.copyOf(positions);
    }

    private final Sql sql;
    private final ConnectionOperations<Connection> connections;

    PlacementStatement(Sql sql, ConnectionOperations<Connection> connections) {
        this.sql = sql;
        this.connections = connections;
    }

    /** Whether each placement took its key and placed its order; nothing of the batch is kept if it throws. */
    @Override
    public List<Boolean> write(List<Placement> batch) {
        var what = batch.size() == 1 ? "claim an idempotency key and place order " + batch.getFirst().order().id()
                : "claim " + batch.size() + " idempotency keys and place their orders";
        return sql.call(what, () -> connections.executeWrite(status -> {
            try (var statement = status.getConnection().prepareStatement(JDBC_STATEMENT)) {
                for (var placement : batch) {
                    bind(statement, placement);
                    statement.addBatch();
                }
                var counts = statement.executeBatch();
                List<Boolean> placed = new ArrayList<>(counts.length);
                for (var count : counts) {
                    placed.add(count == 1);
                }
                return placed;
            } catch (SQLException e) {
                throw new StorageException(what, e);
            }
        }));
    }

    private static void bind(PreparedStatement statement, Placement placement) throws SQLException {
        for (int i = 0; i < POSITIONS.size(); i++) {
            statement.setObject(i + 1, switch (POSITIONS.get(i).apply(placement)) {
                case Instant instant -> instant.atOffset(ZoneOffset.UTC);
                case Object value -> value;
                case null -> null;
            });
        }
    }
}
