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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * Also a setting that only a filter or a controller's bean reads (the API's admission): it stops the start
     * instead of failing every request that needs that bean.
     */
    @ParameterizedTest
    @CsvSource({"ORDERFLOW_IDEMPOTENCY_KEY_TTL, a while", "ORDERFLOW_API_OVERLOAD_WAIT, half a second",
            "ORDERFLOW_RATE_LIMIT_CUSTOMER_PER_SECOND, many", "ORDERFLOW_DB_EMBEDDED_SYNCHRONOUS_COMMIT, 1",
            "ORDERFLOW_SHUTDOWN_GRACE_PERIOD, 20", "ORDERFLOW_API_BODY_DEADLINE, soon"})
    void a_bad_setting_stops_the_start_with_one_line(String variable, String value) {
        try (var service = ServiceProcess.launch(workDir, Map.of("ORDERFLOW_STORAGE", "memory", variable, value))) {
            int exit = service.awaitExit();

            assertOneLineFailure(exit, service.stderr(), value);
        }
    }

    @Test
    void a_short_jwt_secret_stops_the_start_with_one_line() {
        try (var service = ServiceProcess.launch(workDir,
                Map.of("ORDERFLOW_STORAGE", "memory", "ORDERFLOW_AUTH_JWT_SECRET", "too-short"))) {
            int exit = service.awaitExit();

            assertOneLineFailure(exit, service.stderr(), "ORDERFLOW_AUTH_JWT_SECRET must be at least 32 characters");
        }
    }

    /**
     * The README's zero-setup flow from an empty directory: the token command makes the development key, the
     * service reuses it (with one warning) and accepts the command's tokens; nothing is served without one.
     */
    @Test
    void the_token_command_works_from_an_empty_data_directory() throws Exception {
        var env = Map.of("ORDERFLOW_STORAGE", "memory", "ORDERFLOW_AUTH_JWT_SECRET", "");
        String customer;
        String admin;
        try (var command = ServiceProcess.launch(workDir, env, "token", "--sub", "c-42", "--roles", "customer")) {
            assertEquals(0, command.awaitExit(), command.stderr());
            customer = command.stdout().strip();
        }
        try (var command = ServiceProcess.launch(workDir, env, "token", "--sub", "ops", "--roles", "admin")) {
            assertEquals(0, command.awaitExit(), command.stderr());
            admin = command.stdout().strip();
        }
        var key = workDir.resolve("data").resolve(DevelopmentKey.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        var order = """
                {"lines": [{"sku": "BOOK-1", "quantity": 1, "unitPrice": {"amount": "9.90", "currency": "EUR"}}],
                 "shippingAddress": {"recipient": "Ada", "line1": "1 Main St", "postalCode": "10115",
                                     "city": "Berlin", "country": "DE"}}
                """;
        try (var service = ServiceProcess.start(workDir, env);
             var client = HttpClient.newHttpClient()) {
            var placed = client.send(HttpRequest.newBuilder(service.uri().resolve("/api/v1/orders"))
                    .header("Authorization", "Bearer " + customer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.ofString());
            var anonymous = get(service.uri().resolve("/api/v1/orders"));
            var health = get(service.uri().resolve("/health"));
            var metrics = get(service.uri().resolve("/prometheus"));
            var adminMetrics = get(service.uri().resolve("/prometheus"), admin);
            var adminHealth = get(service.uri().resolve("/health"), admin);
            var customerHealth = get(service.uri().resolve("/health"), customer);
            var jsonMetrics = get(service.uri().resolve("/metrics"), admin);
            assertAll(
                    () -> assertEquals(201, placed.statusCode(), placed.body()),
                    () -> assertTrue(placed.body().contains("\"customerId\":\"c-42\""), placed.body()),
                    () -> assertEquals(401, anonymous.statusCode(), anonymous.body()),
                    () -> assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("")
                            .startsWith("Bearer"), anonymous.headers().toString()),
                    () -> assertEquals("{\"status\":\"UP\"}", health.body()),
                    () -> assertEquals("{\"status\":\"UP\"}", customerHealth.body()),
                    () -> assertEquals(401, metrics.statusCode(), metrics.body()),
                    () -> assertEquals(200, adminMetrics.statusCode(), adminMetrics.body()),
                    () -> assertTrue(adminMetrics.body().contains("http_server_requests"), adminMetrics.body()),
                    () -> assertTrue(adminHealth.body().contains("details"), adminHealth.body()),
                    () -> assertEquals(404, jsonMetrics.statusCode(), jsonMetrics.body()),
                    () -> assertEquals(1, service.stdout().lines()
                            .filter(line -> line.contains("local development key")).count(), service.stdout()));
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
        return get(uri, null);
    }

    /** A GET with the token as bearer token, or without one when it is null. */
    static HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
