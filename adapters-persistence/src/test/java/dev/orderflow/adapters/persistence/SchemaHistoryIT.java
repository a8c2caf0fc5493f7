package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * The start's shortcut past Flyway: it is taken only on a database that ran exactly this build's migrations,
 * and {@code db/flyway-checksums.txt} lists them as Flyway records them.
 */
class SchemaHistoryIT {

    @Test
    void the_checksum_list_is_what_flyway_records_and_only_that_history_counts_as_current() throws SQLException {
        var database = TestDatabase.empty();
        try (var connection = database.dataSource().getConnection()) {
            assertEquals(List.of(), SchemaHistory.applied(connection));
            assertFalse(SchemaHistory.isCurrent(connection));

            Database.migrate(database.dataSource());

            assertEquals(SchemaHistory.SHIPPED, SchemaHistory.applied(connection),
                    "src/main/resources/db/flyway-checksums.txt must list every migration with the checksum "
                            + "Flyway records (left: the list, right: flyway_schema_history)");
            assertTrue(SchemaHistory.isCurrent(connection));
        }
    }

    @Test
    void a_history_that_differs_goes_to_flyway_which_refuses_an_edited_migration() throws SQLException {
        var database = TestDatabase.empty();
        Database.migrate(database.dataSource());
        try (var connection = database.dataSource().getConnection()) {
            connection.createStatement().executeUpdate(
                    "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
            assertFalse(SchemaHistory.isCurrent(connection));
        }
        assertThrows(FlywayValidateException.class, () -> Database.migrate(database.dataSource()));
    }

    @Test
    void a_pending_migration_is_applied_by_flyway() throws SQLException {
        var database = TestDatabase.empty();
        Database.migrate(database.dataSource());
        try (var connection = database.dataSource().getConnection()) {
            connection.createStatement().executeUpdate("ALTER TABLE outbox DROP COLUMN trace_context");
            connection.createStatement().executeUpdate(
                    "DELETE FROM flyway_schema_history WHERE version = '" + SchemaHistory.currentVersion() + "'");
            assertFalse(SchemaHistory.isCurrent(connection));

            Database.migrate(database.dataSource());

            assertTrue(SchemaHistory.isCurrent(connection));
        }
    }
}
