package dev.orderflow.adapters.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs statements on the connection of the caller's transaction, or on a connection of their own outside
 * one, and translates what JDBC throws into unchecked exceptions.
 */
final class Sql {

    /** PostgreSQL's SQLSTATE for a unique or primary key violation. */
    static final String UNIQUE_VIOLATION = "23505";

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
        return transactions.executeWrite(status -> work.get());
    }

    /** Prepares a statement and hands it to the work. */
    <T> T statement(String sql, StatementWork<T> work) {
        return connections.executeWrite(status -> {
            try (var statement = status.getConnection().prepareStatement(sql)) {
                return work.run(statement);
            } catch (SQLException e) {
                throw new StorageException(sql, e);
            }
        });
    }

    /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
    int update(String sql, Binder binder) {
        return statement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

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
