package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.bootstrap.RunOptions.LogFormat;
import dev.orderflow.bootstrap.RunOptions.Storage;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    private static RunOptions options(Map<String, String> env, String... args) {
        return RunOptions.from(args, env, new Properties());
    }

    @Test
    void without_settings_it_logs_json_and_stores_in_postgresql() {
        var options = options(Map.of());

        assertEquals(new RunOptions(LogFormat.JSON, Storage.POSTGRES, List.of()), options);
    }

    @Test
    void flags_choose_plain_logs_and_memory_storage_and_other_arguments_go_to_micronaut() {
        var options = options(Map.of(), "--plain-logs", "--micronaut.server.port=9000", "--in-memory");

        assertEquals(new RunOptions(LogFormat.PLAIN, Storage.MEMORY,
                List.of("--micronaut.server.port=9000", "--orderflow.storage=memory")), options);
    }

    @Test
    void environment_variables_choose_too_in_any_case() {
        var options = options(Map.of("ORDERFLOW_LOG_FORMAT", "Plain", "ORDERFLOW_STORAGE", "MEMORY"));

        assertEquals(LogFormat.PLAIN, options.logFormat());
        assertEquals(Storage.MEMORY, options.storage());
    }

    @Test
    void a_jwt_secret_shorter_than_32_characters_is_refused_and_an_empty_one_means_unset() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> options(Map.of("ORDERFLOW_AUTH_JWT_SECRET", "x".repeat(31))));

        assertEquals("ORDERFLOW_AUTH_JWT_SECRET must be at least 32 characters long", refused.getMessage());
        assertEquals(Storage.POSTGRES, options(Map.of("ORDERFLOW_AUTH_JWT_SECRET", "x".repeat(32))).storage());
        assertEquals(Storage.POSTGRES, options(Map.of("ORDERFLOW_AUTH_JWT_SECRET", "")).storage());
    }

    @Test
    void an_unknown_value_is_refused_with_the_allowed_ones() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> options(Map.of("ORDERFLOW_STORAGE", "mongo")));

        assertEquals("ORDERFLOW_STORAGE must be one of postgres, memory, not 'mongo'", refused.getMessage());
    }

    @Test
    void a_database_url_must_be_a_postgresql_jdbc_url() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> options(Map.of("ORDERFLOW_DB_URL", "postgres://db/orders")));

        assertTrue(refused.getMessage().startsWith("ORDERFLOW_DB_URL must be a PostgreSQL JDBC URL"));
    }

    @Test
    void the_database_url_does_not_matter_in_memory_mode() {
        var options = options(Map.of("ORDERFLOW_DB_URL", "whatever"), "--in-memory");

        assertEquals(Storage.MEMORY, options.storage());
    }
}
