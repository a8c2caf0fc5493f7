package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

    @Test
    void a_database_problem_is_told_in_the_drivers_words() {
        var failure = new IllegalStateException("Error instantiating bean of type [OrderService]\n\nPath Taken: ...",
                new RuntimeException("Failed to initialize pool: Connection to db:5432 refused.",
                        new SQLException("Connection to db:5432 refused. Check that the hostname and port are correct",
                                new ConnectException("Connection refused"))));

        assertEquals("database: Connection to db:5432 refused. Check that the hostname and port are correct",
                StartupFailure.describe(failure));
    }

    @Test
    void otherwise_the_innermost_cause_names_the_problem() {
        var failure = new IllegalStateException("Error starting server", new RuntimeException("Address already in use"));

        assertEquals("Address already in use", StartupFailure.describe(failure));
    }

    @Test
    void of_an_injection_error_the_last_message_line_is_the_problem() {
        var failure = new IllegalStateException("""
                Failed to inject value for parameter [ttl] of method [settings]

                Message: Failed to inject value for parameter [ttl] of method [settings]

                Message: Error resolving property value [${orderflow.ttl}]. Unable to convert value [soon]
                Path Taken:
                @Context OrderService""");

        assertEquals("Error resolving property value [${orderflow.ttl}]. Unable to convert value [soon]",
                StartupFailure.describe(failure));
    }

    @Test
    void causes_without_a_message_are_passed_over_and_only_the_first_line_is_kept() {
        var failure = new IllegalStateException("port 8080 is in use\nmore details", new RuntimeException());

        assertEquals("port 8080 is in use", StartupFailure.describe(failure));
    }

    @Test
    void a_file_problem_says_what_happened_to_the_file() {
        var denied = new java.io.UncheckedIOException("cannot read or create the development key /proc/dev-jwt-secret",
                new java.nio.file.AccessDeniedException("/proc/dev-jwt-secret"));
        assertEquals("cannot read or create the development key /proc/dev-jwt-secret: access denied",
                StartupFailure.describe(denied));
        assertEquals("/data/x: Read-only file system",
                StartupFailure.describe(new java.nio.file.FileSystemException("/data/x", null, "Read-only file system")));
    }

    @Test
    void a_failure_without_any_message_is_named_by_its_type() {
        assertEquals("IllegalStateException", StartupFailure.describe(new IllegalStateException()));
    }
}
