package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the packaged jar starts, or refuses to: in-memory mode, and configuration errors. */
class StartupIT {

    @TempDir
    Path workDir;

    @Test
    void in_memory_mode_starts_without_a_database_and_says_so_loudly() throws Exception {
        try (var service = ServiceProcess.start(workDir, Map.of("ORDERFLOW_STORAGE", "memory"))) {
            var readiness = get(service.uri().resolve("/health/readiness"));

            assertAll(
                    () -> assertTrue(service.stdout().contains("IN-MEMORY MODE"), service.stdout()),
                    () -> assertTrue(service.stdout().contains("\"level\":\"WARN\""), "announced as a warning"),
                    () -> assertEquals(200, readiness.statusCode()),
                    () -> assertFalse(readiness.body().contains("jdbc"), readiness.body()),
                    () -> assertFalse(service.stdout().contains("Embedded PostgreSQL"), service.stdout()),
                    () -> assertFalse(Files.exists(workDir.resolve("data")), "no database directory"),
                    () -> assertEquals("", service.stderr()));
        }
    }

    @Test
    void a_url_that_is_not_postgresql_stops_the_start_with_one_line() {
        try (var service = ServiceProcess.launch(workDir, Map.of("ORDERFLOW_DB_URL", "mysql://db:3306/orders"))) {
            int exit = service.awaitExit();

            assertOneLineFailure(exit, service.stderr(), "ORDERFLOW_DB_URL");
        }
    }

    @Test
    void an_unreachable_database_stops_the_start_with_one_line() {
        try (var service = ServiceProcess.launch(workDir,
                Map.of("ORDERFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:1/orderflow"))) {
            int exit = service.awaitExit();

            assertOneLineFailure(exit, service.stderr(), "database: Connection to 127.0.0.1:1 refused");
        }
    }

    @Test
    void a_bad_setting_stops_the_start_with_one_line() {
        try (var service = ServiceProcess.launch(workDir,
                Map.of("ORDERFLOW_STORAGE", "memory", "ORDERFLOW_IDEMPOTENCY_KEY_TTL", "a while"))) {
            int exit = service.awaitExit();

            assertOneLineFailure(exit, service.stderr(), "a while");
        }
    }

    private static void assertOneLineFailure(int exit, String stderr, String mentioned) {
        var lines = stderr.strip().lines().toList();
        assertAll(
                () -> assertNotEquals(0, exit),
                () -> assertEquals(1, lines.size(), stderr),
                () -> assertTrue(lines.getFirst().startsWith("orderflow: cannot start: "), stderr),
                () -> assertTrue(lines.getFirst().contains(mentioned), stderr));
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
