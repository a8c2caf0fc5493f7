package dev.orderflow.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL database of its own for an integration test class, from the first of: the server
 * {@code ORDERFLOW_TEST_DB_URL} names (with {@code ORDERFLOW_TEST_DB_USER}, {@code ORDERFLOW_TEST_DB_PASSWORD}),
 * a Testcontainers PostgreSQL if a Docker engine answers (and {@code testcontainers-postgresql} is on the test
 * class path), or an embedded PostgreSQL shared by the JVM. Databases created on an external server are
 * dropped when the JVM exits.
 *
 * <pre>{@code
 * static final TestDatabase DB = TestDatabase.migrated();
 * ApplicationContext.run(DB.properties());   // orderflow.db.url, .user, .password
 * }</pre>
 */
public final class TestDatabase {

    private static Server server;

    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A new database with the current schema and no rows. */
    public static TestDatabase migrated() {
        var database = empty();
        Database.migrate(database.dataSource());
        return database;
    }

    /** A new database without any schema. */
    public static synchronized TestDatabase empty() {
        if (server == null) {
            server = Server.choose();
        }
        var name = "orderflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.create(name);
        return new TestDatabase(server.url(name), server.user(), server.password());
    }

    /** The database's JDBC URL. */
    public String url() {
        return url;
    }

    /** The user to connect as. */
    public String user() {
        return user;
    }

    /** The user's password, possibly empty. */
    public String password() {
        return password;
    }

    /** The properties that point orderflow's storage at this database. */
    public Map<String, Object> properties() {
        return Map.of("orderflow.db.url", url, "orderflow.db.user", user, "orderflow.db.password", password,
                PostgresStorage.DIALECT, "POSTGRES");
    }

    /** A data source without a pool, for a test's own statements. */
    public DataSource dataSource() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** Where test databases are created. */
    private record Server(String adminUrl, String user, String password, List<String> created) {

        static Server choose() {
            var external = System.getenv("ORDERFLOW_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                var server = new Server(external, env("ORDERFLOW_TEST_DB_USER", "postgres"),
                        env("ORDERFLOW_TEST_DB_PASSWORD", ""), new ArrayList<>());
                Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreated, "drop-test-databases"));
                return server;
            }
            if (Containers.dockerAvailable()) {
                var container = Containers.startPostgres();
                return new Server(container.url(), container.user(), container.password(), new ArrayList<>());
            }
            try {
                var embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "stop-test-postgres"));
                return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", new ArrayList<>());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL for tests", e);
            }
        }

        private static String env(String name, String otherwise) {
            var value = System.getenv(name);
            return value == null ? otherwise : value;
        }

        /** The admin URL with its database replaced by {@code database}. */
        String url(String database) {
            var uri = URI.create(adminUrl.substring("jdbc:".length()));
            var query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
        }

        synchronized void create(String name) {
            try (var connection = DriverManager.getConnection(adminUrl, user, password);
                 var s = connection.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name + " at " + adminUrl, e);
            }
            created.add(name);
        }

        synchronized void dropCreated() {
            for (var name : created) {
                try (var connection = DriverManager.getConnection(adminUrl, user, password);
                     var s = connection.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (SQLException e) {
                    System.err.println("could not drop test database " + name + ": " + e.getMessage());
                }
            }
        }
    }
}
