package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the repositories' statements in the caller's transaction, or in one of their own, and translates what
 * fails into unchecked exceptions of the storage: {@link StorageUnavailableException} when the server cannot be
 * reached or did not answer in time, {@link StorageException} for any other failure of a statement.
 */
final class Sql {

    /** PostgreSQL's SQLSTATE for a unique or primary key violation. */
    static final String UNIQUE_VIOLATION = "23505";

    /**
     * SQLSTATEs of a server that is gone, going or too slow, besides class 08 (connection exceptions): shutting
     * down, crashed, starting, out of connections, statement timeout (query_canceled), lock timeout.
     */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "57014", "55P03");

    /** The statement timeout of {@link #bulk}: retention may touch many rows; the pool's is sized for requests. */
    static final String BULK_STATEMENT_TIMEOUT = "5min";

    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;
    private final Reachability reachability;

    Sql(ConnectionOperations<Connection> connections, TransactionOperations<Connection> transactions,
        Reachability reachability) {
        this.connections = connections;
        this.transactions = transactions;
        this.reachability = reachability;
    }

    /** Runs work in a transaction; joins the caller's if there is one; rolls back if it throws. */
    <T> T inTransaction(Supplier<T> work) {
        refuseWhileUnreachable();
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    /** Runs one repository call, in the caller's transaction if there is one; names it {@code what} if it fails. */
    <T> T call(String what, Supplier<T> work) {
        refuseWhileUnreachable();
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translated(what, e);
        }
    }

    /** Runs one repository call that returns nothing, as {@link #call} does. */
    void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs a repository call that may touch many rows (retention) in a transaction whose statement timeout is
     * {@link #BULK_STATEMENT_TIMEOUT} instead of the pool's.
     */
    <T> T bulk(String what, Supplier<T> work) {
        return inTransaction(() -> {
            connections.executeWrite(status -> {
                try (var statement = status.getConnection().createStatement()) {
                    return statement.execute("SET LOCAL statement_timeout = '" + BULK_STATEMENT_TIMEOUT + "'");
                } catch (SQLException e) {
                    throw new StorageException("set the statement timeout of " + what, e);
                }
            });
            return call(what, work);
        });
    }

    /** Refuses at once while the server is known to be unreachable ({@link Reachability}). */
    private void refuseWhileUnreachable() {
        reachability.unreachable().ifPresent(reason -> {
            throw new StorageUnavailableException("PostgreSQL is unreachable (the last attempt to connect failed: "
                    + reason + ")", null);
        });
    }

    private static RuntimeException translated(String what, RuntimeException failure) {
        var translated = translated(failure);
        if (translated != failure || failure instanceof StorageException) {
            return translated;
        }
        return sqlFailure(failure).<RuntimeException>map(sql -> new StorageException(what, sql)).orElse(failure);
    }

    /**
     * The failure as a {@link StorageUnavailableException} if a JDBC failure behind it says that the server is
     * unreachable or too slow (Micronaut wraps failures to get a connection, to run a statement or to commit),
     * else as it is.
     */
    static RuntimeException translated(RuntimeException failure) {
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

    /** The first JDBC failure behind a failure, if there is one. */
    static Optional<SQLException> sqlFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** Whether the failure, or one behind it (as in a batch), is a unique violation. */
    static boolean isUniqueViolation(Throwable failure) {
        for (var sql = sqlFailure(failure).orElse(null); sql != null; sql = sql.getNextException()) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
