package dev.orderflow.bootstrap;

import dev.orderflow.adapters.persistence.TestDatabase;
import dev.orderflow.adapters.rest.api.TestTokens;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole application (every adapter, this module's factories) on a real PostgreSQL database of its own,
 * for the REST adapter's API suites: the properties that point it there, and the count of stored orders read
 * from the database itself.
 */
final class PostgresApplication {

    private final TestDatabase database = TestDatabase.empty();

    /** Properties for {@code @MicronautTest}'s property provider; the application migrates the database. */
    Map<String, String> properties() {
        var properties = new HashMap<String, String>();
        database.properties().forEach((name, value) -> properties.put(name, value.toString()));
        properties.put("orderflow.api.cursor-secret", "api-test-secret-api-test-secret-0123456789");
        properties.put("orderflow.auth.jwt-secret", TestTokens.SECRET);
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    long storedOrders() {
        try (var connection = database.dataSource().getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM orders")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the orders in " + database.url(), e);
        }
    }
}
