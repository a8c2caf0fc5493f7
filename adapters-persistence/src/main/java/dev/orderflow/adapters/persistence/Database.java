package dev.orderflow.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database of this process: an external server when a URL is configured, otherwise an
 * embedded one keeping its data in a directory. Migrated to the current schema before anyone uses it;
 * closing it closes the pool, then stops the embedded server.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Where the migrations are, on the class path. */
    static final String MIGRATIONS = "classpath:db/migration";

    /** How to reach the database, or where to keep the embedded one's data. */
    record Settings(Optional<String> url, String user, String password, Path dataDirectory,
                    boolean embeddedSynchronousCommit, int poolSize, Limits limits) {
        Settings {
            if (poolSize < 1) {
                throw new IllegalArgumentException("orderflow.db.pool-size must be at least 1");
            }
        }

        /** Settings with the default limits. */
        Settings(Optional<String> url, String user, String password, Path dataDirectory,
                 boolean embeddedSynchronousCommit, int poolSize) {
            this(url, user, password, dataDirectory, embeddedSynchronousCommit, poolSize, Limits.DEFAULT);
        }
    }

    /**
     * How long anything may wait on the database, so that an outage or a slow server is an error within
     * seconds instead of a hang: a connection from the pool, a statement, a lock; and after how long a
     * connection not given back is reported as a leak (zero, the default: not watched, since the pool's watch
     * records a stack trace at every borrow).
     */
    record Limits(Duration connectionTimeout, Duration statementTimeout, Duration lockTimeout,
                  Duration leakDetection) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ZERO);

        Limits {
            if (connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("orderflow.db.connection-timeout must be at least 250 ms");
            }
            if (statementTimeout.isNegative() || lockTimeout.isNegative() || leakDetection.isNegative()) {
                throw new IllegalArgumentException("database timeouts cannot be negative");
            }
        }
    }

    private final HikariDataSource pool;
    private final Optional<EmbeddedServer> embedded;

    private Database(HikariDataSource pool, Optional<EmbeddedServer> embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /**
     * A new connection outside the pool, for the readiness check: its connect, login and reads give up
     * after the given number of seconds, so that a check never waits for a pool that requests have taken.
     */
    Connection probeConnection(int timeoutSeconds) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", pool.getUsername());
        properties.setProperty("password", pool.getPassword() == null ? "" : pool.getPassword());
        properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("ApplicationName", "orderflow readiness");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    /** Connects to the configured server, or starts the embedded one, and migrates the schema. */
    static Database open(Settings settings) {
        var embedded = settings.url().isPresent() ? Optional.<EmbeddedServer>empty()
                : Optional.of(EmbeddedServer.start(settings.dataDirectory(), settings.embeddedSynchronousCommit()));
        var url = settings.url().orElseGet(() -> embedded.orElseThrow().jdbcUrl());
        var user = settings.url().isPresent() ? settings.user() : EmbeddedServer.SUPERUSER;
        var password = settings.url().isPresent() ? settings.password() : embedded.orElseThrow().password();
        HikariDataSource pool = null;
        try {
            migrate(url, user, password);
            pool = pool(url, user, password, settings.poolSize(), settings.limits());
            return new Database(pool, embedded);
        } catch (RuntimeException e) {
            new Database(pool, embedded).closeQuietlyAfter(e);
            throw e;
        }
    }

    /**
     * A connection pool that sends batched inserts as multi-row statements and turns off PostgreSQL's JIT,
     * which costs more than it saves on short statements (it added ~0.5 s to each outbox claim), over sockets
     * that wait for an answer in one blocking read ({@link BlockingSockets}). Its waits are
     * bounded by the limits: the statement and lock timeouts are session settings of every connection. The
     * server's error detail ({@code Key (id)=(…)}, a failing row's values: names and addresses) is left out of
     * exception messages, so that it never reaches a log.
     */
    static HikariDataSource pool(String url, String user, String password, int size, Limits limits) {
        var config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(limits.connectionTimeout().toMillis());
        // a broken connection found when it is handed out must not cost more than the connection timeout
        config.setValidationTimeout(Math.max(250, limits.connectionTimeout().toMillis() / 2));
        if (!limits.leakDetection().isZero()) {
            config.setLeakDetectionThreshold(Math.max(2000, limits.leakDetection().toMillis()));
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("options", "-c jit=off -c statement_timeout=" + limits.statementTimeout().toMillis()
                + " -c lock_timeout=" + limits.lockTimeout().toMillis());
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.addDataSourceProperty("socketFactory", BlockingSockets.class.getName());
        return new HikariDataSource(config);
    }

    /** The pool's name, which its metrics carry as the {@code pool} tag. */
    static final String POOL_NAME = "orderflow";

    /**
     * Migrates over a connection of its own, outside the pool, so that a long migration is not cut short by
     * the statement timeout meant for requests.
     */
    static void migrate(String url, String user, String password) {
        if (!isCurrent(() -> DriverManager.getConnection(url, user, password))) {
            migrate(Flyway.configure().dataSource(url, user, password));
        }
    }

    /** Brings the schema up to date; a no-op on a current one, a failure if a shipped migration was edited. */
    static void migrate(DataSource dataSource) {
        if (!isCurrent(dataSource::getConnection)) {
            migrate(Flyway.configure().dataSource(dataSource));
        }
    }

    private interface Connect {
        Connection open() throws SQLException;
    }

    /**
     * Whether the schema is current by the history table alone ({@link SchemaHistory}). A database that cannot
     * be reached fails the start here with the driver's message; one whose history cannot be read is left to
     * Flyway.
     */
    private static boolean isCurrent(Connect connect) {
        Connection connection;
        try {
            connection = connect.open();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database", e);
        }
        try (connection) {
            if (SchemaHistory.isCurrent(connection)) {
                LOG.info("Database schema at version {} (current, no migration needed)", SchemaHistory.currentVersion());
                return true;
            }
        } catch (SQLException e) {
            LOG.debug("Schema history not readable; Flyway decides", e);
        }
        return false;
    }

    private static void migrate(FluentConfiguration configuration) {
        var result = configuration.locations(MIGRATIONS).load().migrate();
        var version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info("Database schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (embedded.isPresent()) {
            embedded.get().close();
            LOG.info("Embedded PostgreSQL stopped");
        }
    }

    private void closeQuietlyAfter(RuntimeException failure) {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
