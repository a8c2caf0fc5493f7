package dev.orderflow.adapters.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One statement run once per write of a batch, all sent at once: the {@link GroupCommit.Writer} of the grouped
 * writes ({@link GroupedStatements}). pgjdbc sends a batch with one Sync, so without a caller's transaction the
 * batch is one implicit transaction, all or nothing; within one, it is part of it. The statement ends in a
 * data-modifying command whose row count says whether the write took effect: 1 if it did, 0 if not.
 * <p>
 * The statements run in {@code lockOrder}, not in the batch's: two batches that lock the same rows lock them in
 * the same order, so they wait for each other instead of deadlocking. Writes that compare equal keep the batch's
 * order (the oldest first).
 *
 * @param <T> a write's bound values
 */
final class BatchStatement<T> implements GroupCommit.Writer<T, Boolean> {

    /** A named parameter, as Micronaut Data writes them; not the second colon of a cast ({@code ::text[]}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

    private final Sql sql;
    private final ConnectionOperations<Connection> connections;
    private final Function<List<T>, String> describe;
    private final Comparator<T> lockOrder;
    /** The statement with JDBC's positional parameters, and the value of each position. */
    private final String statement;
    private final List<Function<T, Object>> positions;

    /**
     * @param describe  what the statement does to a batch, for failures
     * @param statement the statement, with Micronaut Data's named parameters
     * @param values    the value of each named parameter
     */
    BatchStatement(Sql sql, ConnectionOperations<Connection> connections, Function<List<T>, String> describe,
                   String statement, Map<String, Function<T, Object>> values, Comparator<T> lockOrder) {
        this.sql = sql;
        this.connections = connections;
        this.describe = describe;
        this.lockOrder = lockOrder;
        var positions = new ArrayList<Function<T, Object>>();
        var matcher = PARAMETER.matcher(statement);
        var jdbc = new StringBuilder();
        while (matcher.find()) {
            var value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for the parameter :" + matcher.group(1));
            }
            positions.add(value);
            matcher.appendReplacement(jdbc, "?");
        }
        matcher.appendTail(jdbc);
        this.statement = jdbc.toString();
        this.positions = List.copyOf(positions);
    }

    /** Whether each write took effect, in the batch's order; nothing of the batch is kept if it throws. */
    @Override
    public List<Boolean> write(List<T> batch) {
        var what = describe.apply(batch);
        var order = IntStream.range(0, batch.size()).boxed()
                .sorted(Comparator.comparing(batch::get, lockOrder)).mapToInt(Integer::intValue).toArray();
        return sql.call(what, () -> connections.executeWrite(status -> {
            try (var prepared = status.getConnection().prepareStatement(statement)) {
                for (int i : order) {
                    bind(prepared, batch.get(i));
                    prepared.addBatch();
                }
                var counts = prepared.executeBatch();
                var done = new Boolean[batch.size()];
                for (int i = 0; i < order.length; i++) {
                    done[order[i]] = counts[i] == 1;
                }
                return Arrays.asList(done);
            } catch (SQLException e) {
                throw new StorageException(what, e);
            }
        }));
    }

    private void bind(PreparedStatement prepared, T write) throws SQLException {
        for (int i = 0; i < positions.size(); i++) {
            prepared.setObject(i + 1, switch (positions.get(i).apply(write)) {
                case Instant instant -> instant.atOffset(ZoneOffset.UTC);
                case Object value -> value;
                case null -> null;
            });
        }
    }
}
