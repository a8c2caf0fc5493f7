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
    void switches_take_true_or_false_only() {
        assertEquals(RunOptions.Storage.POSTGRES, options(Map.of("ORDERFLOW_DB_EMBEDDED_SYNCHRONOUS_COMMIT", "FALSE",
                "ORDERFLOW_ACCESS_LOG", " true", "ORDERFLOW_API_DOCS_ENABLED", "false")).storage());
        var refused = assertThrows(IllegalArgumentException.class,
                () -> options(Map.of("ORDERFLOW_DB_EMBEDDED_SYNCHRONOUS_COMMIT", "1")));
        assertEquals("ORDERFLOW_DB_EMBEDDED_SYNCHRONOUS_COMMIT must be true or false, not '1'", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> options(Map.of("ORDERFLOW_ACCESS_LOG", "maybe")));
    }

    @Test
    void durations_read_late_by_the_framework_are_checked_at_start() {
        for (var good : List.of("20s", "500ms", "10m", "7d", "PT1H", " 1h ")) {
            options(Map.of("ORDERFLOW_SHUTDOWN_GRACE_PERIOD", good, "ORDERFLOW_RETENTION_OUTBOX", good));
        }
        var refused = assertThrows(IllegalArgumentException.class,
                () -> options(Map.of("ORDERFLOW_SHUTDOWN_GRACE_PERIOD", "20")));
        assertEquals("ORDERFLOW_SHUTDOWN_GRACE_PERIOD must be a positive duration with a unit, such as 20s, 10m, 7d "
                + "or PT1H, not '20'", refused.getMessage());
        for (var name : List.of("ORDERFLOW_RETENTION_INTERVAL", "ORDERFLOW_RETENTION_OUTBOX",
                "ORDERFLOW_RETENTION_INBOX", "ORDERFLOW_PAYMENT_DEADLINE_CHECK_INTERVAL")) {
            for (var bad : List.of("7", "0s", "-1d", "soon")) {
                assertThrows(IllegalArgumentException.class, () -> options(Map.of(name, bad)), name + "=" + bad);
            }
        }
    }

    @Test
    void the_log_level_is_one_logback_knows() {
        options(Map.of("ORDERFLOW_LOG_LEVEL", "warn"));
        var refused = assertThrows(IllegalArgumentException.class, () -> options(Map.of("ORDERFLOW_LOG_LEVEL", "LOUD")));
        assertEquals("ORDERFLOW_LOG_LEVEL must be one of trace, debug, info, warn, error, off, not 'LOUD'",
                refused.getMessage());
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
