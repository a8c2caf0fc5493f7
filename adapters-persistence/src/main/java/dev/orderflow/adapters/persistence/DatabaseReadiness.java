package dev.orderflow.adapters.persistence;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.management.health.indicator.jdbc.JdbcIndicator;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's part of readiness, answered at once from a state that a background check keeps current,
 * in place of Micronaut's JDBC check (which waits for a pooled connection, up to the pool's timeout). The
 * check runs {@code SELECT 1} every {@link #INTERVAL} over a connection of its own; readiness is DOWN when
 * the last successful check is older than {@link #STALE}, so it drops within a second of the database
 * going away even while a check still hangs, and comes back with the first check that succeeds.
 */
@Context
// the last bean of the context's start: it waits for the database, which opens meanwhile (DatabaseOpening)
@Order(Ordered.LOWEST_PRECEDENCE)
@Readiness
@Replaces(JdbcIndicator.class)
@Requires(property = PostgresStorage.STORAGE, notEquals = PostgresStorage.MEMORY)
final class DatabaseReadiness implements HealthIndicator {

    static final Duration INTERVAL = Duration.ofMillis(200);
    static final Duration STALE = Duration.ofMillis(700);
    private static final int TIMEOUT_SECONDS = 1;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadiness.class);

    private final Database database;
    private final Reachability reachability;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread checker;
    /* when the last check succeeded, in System.nanoTime: staleness is elapsed real time, which no clock step moves */
    private volatile long lastSuccess = System.nanoTime();
    private volatile String lastFailure = "";
    private Connection connection;

    DatabaseReadiness(Database database, Reachability reachability) {
        this.database = database;
        this.reachability = reachability;
        this.checker = Thread.ofPlatform().name("database-readiness").daemon().start(this::run);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        var sinceSuccess = Duration.ofNanos(System.nanoTime() - lastSuccess);
        var up = sinceSuccess.compareTo(STALE) <= 0;
        var details = up ? Map.<String, Object>of("lastCheckMillisAgo", sinceSuccess.toMillis())
                : Map.<String, Object>of("unreachableForMillis", sinceSuccess.toMillis(), "lastFailure", lastFailure);
        return Publishers.just(HealthResult.builder("database", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }

    private void run() {
        try {
            while (!stop.await(INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnection();
        }
    }

    private void check() {
        try {
            if (connection == null) {
                connection = connect();
            }
            try (var statement = connection.createStatement()) {
                statement.setQueryTimeout(TIMEOUT_SECONDS);
                statement.execute("SELECT 1");
            }
            if (!lastFailure.isEmpty()) {
                LOG.info("Database reachable again");
                lastFailure = "";
            }
            lastSuccess = System.nanoTime();
        } catch (SQLException | RuntimeException e) {
            if (lastFailure.isEmpty()) {
                LOG.warn("Database unreachable, readiness DOWN: {}", e.getMessage());
            }
            lastFailure = described(e);
            closeConnection();
        }
    }

    /** A failure as the details and the storage's refusals name it: its type and SQLSTATE, no server message. */
    private static String described(Exception failure) {
        return failure.getClass().getSimpleName() + (failure instanceof SQLException sql
                ? " (SQLSTATE " + sql.getSQLState() + ")" : "");
    }

    private Connection connect() throws SQLException {
        try {
            var opened = database.probeConnection(TIMEOUT_SECONDS);
            reachability.connected();
            return opened;
        } catch (SQLException e) {
            if (Reachability.isRefusal(e)) {
                reachability.connectFailed(described(e));
            }
            throw e;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the readiness connection failed", e);
            }
            connection = null;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stop.countDown();
        checker.join(Duration.ofSeconds(2));
    }
}
