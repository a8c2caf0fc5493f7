package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** pgjdbc leaves the server's error detail (the failing row's values) out of exception messages and logs. */
class ServerErrorDetailIT {

    @Test
    void a_unique_violation_does_not_carry_the_row_values() throws Exception {
        var database = TestDatabase.empty();
        try (var pool = Database.pool(database.url(), database.user(), database.password(), 1,
                Database.Limits.DEFAULT);
             var connection = pool.getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE people (name text PRIMARY KEY)");
            statement.execute("INSERT INTO people VALUES ('Ada Lovelace')");
            var failure = assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO people VALUES ('Ada Lovelace')"));
            assertFalse(String.valueOf(failure.getMessage()).contains("Ada Lovelace"), failure.getMessage());
        }
    }
}
