package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** With {@code orderflow.storage=memory} this module creates nothing and starts no database. */
class MemoryModeTest {

    @Test
    void in_memory_mode_has_no_database_beans() {
        try (var context = ApplicationContext.run(Map.of(PostgresStorage.STORAGE, PostgresStorage.MEMORY))) {
            assertFalse(context.containsBean(OrderStorage.class));
            assertFalse(context.containsBean(DataSource.class));
            assertFalse(context.containsBean(Database.class));
        }
    }
}
