package dev.orderflow.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
                    boolean embeddedSynchronousCommit, int poolSize) {
        Settings {
            if (poolSize < 1) {
                throw new IllegalArgumentException("orderflow.db.pool-size must be at least 1");
            }
        }
    }

    private final HikariDataSource pool;
    private final Optional<EmbeddedPostgres> embedded;

    private Database(HikariDataSource pool, Optional<EmbeddedPostgres> embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /** Connects to the configured server, or starts the embedded one, and migrates the schema. */
    static Database open(Settings settings) {
        var embedded = settings.url().isPresent() ? Optional.<EmbeddedPostgres>empty()
                : Optional.of(startEmbedded(settings.dataDirectory(), settings.embeddedSynchronousCommit()));
        var url = settings.url().orElseGet(() -> embedded.orElseThrow().getJdbcUrl("postgres", "postgres"));
        var user = settings.url().isPresent() ? settings.user() : "postgres";
        var password = settings.url().isPresent() ? settings.password() : "";
        HikariDataSource pool = null;
        try {
            pool = pool(url, user, password, settings.poolSize());
            migrate(pool);
            return new Database(pool, embedded);
        } catch (RuntimeException e) {
            new Database(pool, embedded).closeQuietlyAfter(e);
            throw e;
        }
    }

    /**
     * A connection pool that sends batched inserts as multi-row statements and turns off PostgreSQL's JIT,
     * which costs more than it saves on short statements (it added ~0.5 s to each outbox claim). The server's
     * error detail ({@code Key (id)=(…)}, a failing row's values: names and addresses) is left out of exception
     * messages, so that it never reaches a log.
     */
    static HikariDataSource pool(String url, String user, String password, int size) {
        var config = new HikariConfig();
        config.setPoolName("orderflow");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("options", "-c jit=off");
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    /** Brings the schema up to date; a no-op on a current one, a failure if a shipped migration was edited. */
    static void migrate(DataSource dataSource) {
        var flyway = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.info("Database schema at version {} ({} migrations applied now)", flyway.info().current().getVersion(),
                applied);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDirectory, boolean synchronousCommit) {
        try {
            Files.createDirectories(dataDirectory);
            long started = System.nanoTime();
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", synchronousCommit ? "on" : "off")
                    .start();
            LOG.info("Embedded PostgreSQL started on 127.0.0.1:{} in {} ms, data in {}", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDirectory.toAbsolutePath());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory.toAbsolutePath(), e);
        }
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
