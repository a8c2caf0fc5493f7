package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.ApplicationContext;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL storage wired by Micronaut on a fresh test database, for this module's integration tests:
 * a JUnit extension ({@code @RegisterExtension static final TestStorage running = new TestStorage();}) that
 * starts before the class's tests, its nested classes' included, and stops after them.
 */
final class TestStorage implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final Map<String, Object> extraProperties;
    private TestDatabase database;
    private ApplicationContext context;

    TestStorage() {
        this(Map.of());
    }

    TestStorage(Map<String, Object> extraProperties) {
        this.extraProperties = extraProperties;
    }

    TestStorage start() {
        database = TestDatabase.migrated();
        var properties = new HashMap<>(database.properties());
        properties.putAll(extraProperties);
        context = ApplicationContext.run(properties);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        if (context == null) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (!extension.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
            close();
        }
    }

    TestDatabase database() {
        return database;
    }

    ApplicationContext context() {
        return context;
    }

    OrderStorage storage() {
        return context.getBean(OrderStorage.class);
    }

    /** The storage after deleting every row. */
    OrderStorage emptied() {
        execute("TRUNCATE orders, order_lines, order_events, outbox, idempotency_keys, inbox");
        return storage();
    }

    /** Runs a statement of the test's own, outside the storage. */
    void execute(String statement) {
        try (var connection = database.dataSource().getConnection(); var s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("test statement failed: " + statement, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
