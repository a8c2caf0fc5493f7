package dev.orderflow.adapters.persistence;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@link Database#open} on a thread of its own, begun as the first bean of the context, so that starting the
 * embedded PostgreSQL (or connecting to the external one) and checking the schema overlap with the rest of the
 * context's start instead of preceding it. Beans that only hold the {@link #dataSource()} are made without
 * waiting; {@link #database()} waits. The opened database is closed with this.
 */
final class DatabaseOpening implements AutoCloseable {

    private final CompletableFuture<Database> opening;

    private DatabaseOpening(CompletableFuture<Database> opening) {
        this.opening = opening;
    }

    static DatabaseOpening begin(Database.Settings settings) {
        var opening = new CompletableFuture<Database>();
        Thread.ofPlatform().name("orderflow-database-open").daemon().start(() -> {
            try {
                opening.complete(Database.open(settings));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        });
        return new DatabaseOpening(opening);
    }

    /** The database once it is open; its failure to open as it was thrown. */
    Database database() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The pool of the database, waiting for it to open at its first use rather than now. */
    DataSource dataSource() {
        return new DataSource() {
            private DataSource pool() {
                return database().dataSource();
            }

            @Override
            public Connection getConnection() throws SQLException {
                return pool().getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return pool().getConnection(username, password);
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return pool().getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                pool().setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                pool().setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return pool().getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException(); // as the pool answers
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return type.isInstance(pool()) ? type.cast(pool()) : pool().unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return type.isInstance(pool()) || pool().isWrapperFor(type);
            }
        };
    }

    /** Closes the database, after waiting for its opening to end; one that failed to open has nothing to close. */
    @Override
    public void close() throws IOException {
        var database = opening.handle((opened, failure) -> opened).join();
        if (database != null) {
            database.close();
        }
    }
}
