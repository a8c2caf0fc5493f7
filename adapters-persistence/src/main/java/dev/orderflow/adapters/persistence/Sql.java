package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs statements on the connection of the caller's transaction, or on a connection of their own outside
 * one, and translates what JDBC throws into unchecked exceptions: {@link StorageUnavailableException} when the
 * server cannot be reached or did not answer in time, {@link StorageException} for everything else.
 */
final class Sql {

    /** PostgreSQL's SQLSTATE for a unique or primary key violation. */
    static final String UNIQUE_VIOLATION = "23505";

    /**
     * SQLSTATEs of a server that is gone, going or too slow, besides class 08 (connection exceptions): shutting
     * down, crashed, starting, out of connections, statement timeout (query_canceled), lock timeout.
     */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "57014", "55P03");

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;

    Sql(ConnectionOperations<Connection> connections, TransactionOperations<Connection> transactions) {
        this.connections = connections;
        this.transactions = transactions;
    }

    /** Runs work in a transaction; joins the caller's if there is one; rolls back if it throws. */
    <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (RuntimeException e) {
            throw unavailableOr(e);
        }
    }

    /** Prepares a statement and hands it to the work. */
    <T> T statement(String sql, StatementWork<T> work) {
        try {
            return connections.executeWrite(status -> {
                try (var statement = status.getConnection().prepareStatement(sql)) {
                    return work.run(statement);
                } catch (SQLException e) {
                    throw new StorageException(sql, e);
                }
            });
        } catch (RuntimeException e) {
            throw unavailableOr(e);
        }
    }

    /**
     * The failure as a {@link StorageUnavailableException} if a JDBC failure behind it says that the server is
     * unreachable or too slow (Micronaut wraps failures to get a connection or to commit), else as it is.
     */
    static RuntimeException unavailableOr(RuntimeException failure) {
        if (failure instanceof StorageUnavailableException) {
            return failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUnavailable(sql)) {
                return new StorageUnavailableException("PostgreSQL is unavailable (SQLSTATE " + sql.getSQLState()
                        + "): " + sql.getMessage(), failure);
            }
            // a connection that broke mid-transaction: Micronaut's cleanup of it fails as well, and that failure
            // (a closed connection) is what reaches us
            if (t instanceof ConnectionException) {
                return new StorageUnavailableException("PostgreSQL is unavailable: " + t.getMessage(), failure);
            }
        }
        return failure;
    }

    private static boolean isUnavailable(SQLException failure) {
        var state = failure.getSQLState();
        return failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLRecoverableException
                || (state != null && (state.startsWith("08") || UNAVAILABLE.contains(state)));
    }

    /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
    int update(String sql, Binder binder) {
        return statement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    /**
     * Runs a DELETE or UPDATE that may touch many rows (retention) in a transaction whose statement timeout is
     * {@link #BULK_STATEMENT_TIMEOUT} instead of the pool's, which is sized for requests.
     */
    int bulkUpdate(String sql, Binder binder) {
        return inTransaction(() -> {
            update("SET LOCAL statement_timeout = '" + BULK_STATEMENT_TIMEOUT + "'", statement -> {
            });
            return update(sql, binder);
        });
    }

    /** The statement timeout of {@link #bulkUpdate}. */
    static final String BULK_STATEMENT_TIMEOUT = "5min";

    /** Runs a query and reads every row. */
    <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        return statement(sql, statement -> {
            binder.bind(statement);
            try (var rows = statement.executeQuery()) {
                var result = new ArrayList<T>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        });
    }

    /** Runs a query that yields at most one row. */
    <T> Optional<T> queryOne(String sql, Binder binder, RowReader<T> reader) {
        var rows = query(sql, binder, reader);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row from: " + sql);
        }
        return rows.stream().findFirst();
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC),
                java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Whether the failure, or one behind it (as in a batch), is a unique violation. */
    static boolean isUniqueViolation(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
