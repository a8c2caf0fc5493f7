package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.KeyedPlacements;
import dev.orderflow.application.port.out.OrderChanges;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.events.EventCodec;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Makes orderflow's storage ports ({@link OrderStorage}) PostgreSQL-backed: an external server when
 * {@code orderflow.db.url} (env {@code ORDERFLOW_DB_URL}) is set, otherwise an embedded PostgreSQL with its
 * data in {@code orderflow.db.data-dir} (default {@code ./data/postgres}). The database opens (starts,
 * connects, migrates) on a thread of its own while the rest of the context starts; the {@code default}
 * {@link DataSource} gives out no connection before it is open and migrated, and the context's start fails
 * when it cannot open. Nothing of this exists, and nothing starts, when
 * {@code orderflow.storage} (env {@code ORDERFLOW_STORAGE}) is {@code memory}.
 */
@Factory
@Requires(property = PostgresStorage.STORAGE, notEquals = PostgresStorage.MEMORY)
public final class PostgresStorage {

    /** The property that chooses the storage; every value but {@link #MEMORY} means PostgreSQL. */
    public static final String STORAGE = "orderflow.storage";
    /** The value of {@link #STORAGE} that turns PostgreSQL off. */
    public static final String MEMORY = "memory";
    /**
     * The property that tells Micronaut Data JDBC the dialect of the {@code default} data source; it must be
     * {@code POSTGRES} for the storage's repositories to exist (the bootstrap's configuration sets it).
     */
    public static final String DIALECT = "datasources.default.dialect";

    /**
     * Begins opening the database as the first bean of the context (see {@link DatabaseOpening}); the settings
     * are read here, from the configuration, as for any bean.
     */
    @Context
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Bean(preDestroy = "close")
    DatabaseOpening databaseOpening(@Value("${orderflow.db.url:}") String url,
                      @Value("${orderflow.db.user:postgres}") String user,
                      @Value("${orderflow.db.password:}") String password,
                      @Value("${orderflow.db.data-dir:data/postgres}") String dataDirectory,
                      @Value("${orderflow.db.embedded.synchronous-commit:true}") boolean synchronousCommit,
                      @Value("${orderflow.db.pool-size:10}") int poolSize,
                      @Value("${orderflow.db.connection-timeout:1s}") Duration connectionTimeout,
                      @Value("${orderflow.db.statement-timeout:5s}") Duration statementTimeout,
                      @Value("${orderflow.db.lock-timeout:2s}") Duration lockTimeout,
                      @Value("${orderflow.db.leak-detection:0s}") Duration leakDetection) {
        return DatabaseOpening.begin(new Database.Settings(Optional.of(url).filter(u -> !u.isBlank()), user,
                password, Path.of(dataDirectory), synchronousCommit, poolSize,
                new Database.Limits(connectionTimeout, statementTimeout, lockTimeout, leakDetection)));
    }

    /** The open database: waits for the opening (a failure to open fails the context's start here). */
    @Singleton
    Database database(DatabaseOpening opening) {
        return opening.database();
    }

    @Singleton
    @Named("default")
    DataSource dataSource(DatabaseOpening opening) {
        return opening.dataSource();
    }

    /** Whether the server answered the readiness check's last attempt to connect (see {@link Reachability}). */
    @Singleton
    Reachability reachability() {
        return new Reachability();
    }

    /**
     * The storage ports. Transactions are traced with the application's {@link OpenTelemetry} (the bootstrap's
     * SDK), with none (OpenTelemetry's no-op) where no such bean exists. Placements and changes are committed in
     * groups ({@link GroupCommit}), each kind (keyed placements, placements without a key, changes) by itself:
     * {@code orderflow.db.group-writers} groups of a kind written at once, of at most
     * {@code orderflow.db.group-size} writes each.
     */
    @Singleton
    OrderStorage orderStorage(ConnectionOperations<Connection> connections,
                              TransactionOperations<Connection> transactions, JsonMapper json,
                              @Nullable OpenTelemetry telemetry, OrderRows orders, EventRows eventLog,
                              OutboxRows outbox, OrderChangeRows changes, IdempotencyKeyRows idempotencyKeys,
                              InboxRows inbox, Reachability reachability,
                              @Value("${orderflow.db.group-writers:2}") int groupWriters,
                              @Value("${orderflow.db.group-size:64}") int groupSize) {
        if (groupWriters < 1 || groupSize < 1) {
            throw new IllegalArgumentException(
                    "orderflow.db.group-writers and orderflow.db.group-size must be at least 1");
        }
        var sql = new Sql(connections, transactions, reachability);
        var events = new EventJson(new EventCodec(json));
        var tracer = (telemetry == null ? OpenTelemetry.noop() : telemetry).getTracer("dev.orderflow.persistence");
        var traceContext = new OutboxTraceContext(json);
        var orderPort = new PostgresOrders(sql, orders);
        var eventLogPort = new PostgresEventLog(sql, eventLog, events);
        var outboxPort = new PostgresOutbox(sql, outbox, events, traceContext);
        var transactionsPort = new TracedTransactions(sql, transactions, tracer);
        var changesPort = new PostgresOrderChanges(transactionsPort, events, traceContext,
                OrderChanges.of(orderPort, eventLogPort, outboxPort, transactionsPort),
                new GroupCommit<>(GroupedStatements.insertions(sql, connections), groupWriters, groupSize),
                new GroupCommit<>(GroupedStatements.updates(sql, connections), groupWriters, groupSize));
        var keysPort = new PostgresIdempotencyKeys(sql, idempotencyKeys);
        return new OrderStorage(orderPort, eventLogPort, outboxPort, changesPort, keysPort,
                new PostgresKeyedPlacements(sql, transactionsPort, changes, events, traceContext, keysPort,
                        KeyedPlacements.of(keysPort, changesPort, transactionsPort),
                        new GroupCommit<>(GroupedStatements.placements(sql, connections), groupWriters, groupSize)),
                new PostgresInbox(sql, inbox), transactionsPort);
    }
}
