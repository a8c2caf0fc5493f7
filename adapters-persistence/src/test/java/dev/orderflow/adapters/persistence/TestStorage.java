package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.ApplicationContext;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The PostgreSQL storage wired by Micronaut on a fresh test database, for this module's integration tests. */
final class TestStorage implements AutoCloseable {

    private final TestDatabase database;
    private final ApplicationContext context;

    private TestStorage(TestDatabase database, ApplicationContext context) {
        this.database = database;
        this.context = context;
    }

    static TestStorage start() {
        return start(Map.of());
    }

    static TestStorage start(Map<String, Object> extraProperties) {
        var database = TestDatabase.migrated();
        var properties = new HashMap<>(database.properties());
        properties.put("orderflow.retention.enabled", false);
        properties.putAll(extraProperties);
        return new TestStorage(database, ApplicationContext.run(properties));
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
