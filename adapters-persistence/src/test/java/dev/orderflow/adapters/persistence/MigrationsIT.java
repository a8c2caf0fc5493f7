package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations on a real, empty database: they apply, apply once, and the schema refuses invalid rows. */
class MigrationsIT {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.empty();
    }

    private static Flyway flyway() {
        return Flyway.configure().dataSource(database.dataSource()).locations(Database.MIGRATIONS).load();
    }

    @Test
    void migrations_apply_on_an_empty_database_then_are_a_no_op_and_the_service_starts_on_the_result() throws Exception {
        int shipped = flyway().info().pending().length;
        assertEquals(shipped, flyway().migrate().migrationsExecuted);
        assertEquals(List.of("idempotency_keys", "inbox", "order_events", "order_lines", "orders", "outbox"),
                tables());

        assertEquals(0, flyway().migrate().migrationsExecuted);
        flyway().validate();
        try (var opened = Database.open(new Database.Settings(Optional.of(database.url()), database.user(),
                database.password(), Path.of("unused"), true, 2))) {
            assertEquals(0, flyway().info().pending().length);
        }

        assertRefused("INSERT INTO order_lines VALUES ('00000000-0000-0000-0000-000000000001', 1, 'SKU', 1, 100)",
                "23503"); // no such order
        var order = "INSERT INTO orders (id, version, status, customer_id, currency, total_minor, ship_recipient, "
                + "ship_line1, ship_line2, ship_postal_code, ship_city, ship_region, ship_country, placed_at, "
                + "updated_at, carrier) VALUES (gen_random_uuid(), 1, '%s', 'c-1', 'EUR', 100, 'A', 'B', '', 'C', "
                + "'D', '', 'DE', now(), now(), %s)";
        assertRefused(order.formatted("PENDING", "'DHL'"), "23514"); // a pending order has no carrier
        assertRefused(order.formatted("LOST", "NULL"), "23514");
        assertRefused("INSERT INTO order_events VALUES (gen_random_uuid(), 0, 'OrderPlaced', now(), '{}')", "23514");
    }

    private static List<String> tables() throws SQLException {
        try (var connection = database.dataSource().getConnection();
             var rows = connection.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            var names = new java.util.ArrayList<String>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static void assertRefused(String statement, String sqlState) {
        var refused = assertThrows(SQLException.class, () -> {
            try (var connection = database.dataSource().getConnection()) {
                connection.createStatement().execute(statement);
            }
        });
        assertEquals(sqlState, refused.getSQLState(), refused.getMessage());
    }
}
