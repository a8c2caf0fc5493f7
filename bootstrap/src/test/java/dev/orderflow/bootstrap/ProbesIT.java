package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes and the API of the packaged jar (with the AOT cache, as the README runs it) while its database goes
 * away and comes back, seen by an anonymous probe and a client as the README describes them: readiness {@code 503
 * {"status":"DOWN"}} without details, liveness 200, API requests {@code 503} with {@code Retry-After}, and orders
 * placed again once the database is back, without a restart. {@link DatabaseOutageIT} shows the same in-process
 * with an admin token; the jar once answered anonymous probes {@code 200 {"status":"DOWN"}} (the health status
 * code was lost to a filter order). Times are printed; the asserted limits only tell a hang from an answer.
 */
class ProbesIT {

    private static final Duration HANG = Duration.ofSeconds(20);
    private static final String STAFF = ServiceProcess.bearer("probes", "staff");
    private static final String ADMIN = ServiceProcess.bearer("ops", "admin");

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedPostgres postgres;
    private int databasePort;
    private ServiceProcess service;

    @AfterEach
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        http.close();
    }

    @Test
    void anonymous_probes_get_the_status_code_and_no_details_while_the_database_goes_and_returns() throws Exception {
        try (var socket = new ServerSocket(0)) {
            databasePort = socket.getLocalPort();
        }
        startPostgres();
        service = ServiceProcess.start(workDir.resolve("service"), Map.of(
                "ORDERFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
                "ORDERFLOW_DB_USER", "postgres", "ORDERFLOW_DB_PASSWORD", ""));
        var ready = get("/health/readiness", null);
        var placed = place();
        assertAll(
                () -> assertEquals(200, ready.statusCode(), ready.body()),
                () -> assertEquals("{\"status\":\"UP\"}", ready.body()),
                () -> assertEquals(201, placed.statusCode(), placed.body()));

        postgres.close();
        long stopped = System.nanoTime();
        long readinessDown = awaitStatus("/health/readiness", status -> status == 503);
        var duringOutage = place();
        long answered = millisSince(stopped);
        var readiness = get("/health/readiness", null);
        var health = get("/health", null);
        var liveness = get("/health/liveness", null);
        var adminReadiness = get("/health/readiness", ADMIN);
        assertAll(
                () -> assertEquals(503, readiness.statusCode(), readiness.body()),
                () -> assertEquals("{\"status\":\"DOWN\"}", readiness.body(), "no details for an anonymous probe"),
                () -> assertEquals(503, health.statusCode(), health.body()),
                () -> assertEquals(200, liveness.statusCode(), liveness.body()),
                () -> assertEquals(503, adminReadiness.statusCode(), adminReadiness.body()),
                () -> assertTrue(adminReadiness.body().contains("database"), "an admin sees the details: "
                        + adminReadiness.body()),
                () -> assertEquals(503, duringOutage.statusCode(), duringOutage.body()),
                () -> assertTrue(duringOutage.headers().firstValue("Retry-After").isPresent()),
                () -> assertTrue(duringOutage.body().contains("https://orderflow.dev/problems/unavailable"),
                        duringOutage.body()));

        startPostgres();
        long recovered = awaitPlaced();
        long readinessUp = awaitStatus("/health/readiness", status -> status == 200);
        System.out.printf("packaged jar, database stopped: readiness DOWN after %d ms, a POST answered 503 %d ms "
                        + "after the stop; database back: first 201 after %d ms, readiness UP %d ms later%n",
                readinessDown, answered, recovered, readinessUp);
        assertTrue(recovered >= 0);
    }

    private void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(databasePort).setDataDirectory(workDir.resolve("pg"))
                .setCleanDataDirectory(false).start();
    }

    private HttpResponse<String> place() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(service.uri().resolve("/api/v1/orders")).timeout(HANG)
                .header("Authorization", STAFF)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId": "c-probes",
                         "lines": [{"sku": "BOOK-1", "quantity": 1, "unitPrice": {"amount": "9.99", "currency": "EUR"}}],
                         "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115",
                                             "city": "Berlin", "country": "DE"}}
                        """)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(service.uri() + path)).timeout(HANG);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls an anonymous probe until its status code matches; returns the milliseconds it took. */
    private long awaitStatus(String path, Predicate<Integer> wanted) throws Exception {
        long from = System.nanoTime();
        while (!wanted.test(get(path, null).statusCode())) {
            assertTrue(millisSince(from) < HANG.toMillis(), path + " did not change within " + HANG);
            Thread.sleep(20);
        }
        return millisSince(from);
    }

    private long awaitPlaced() throws Exception {
        long from = System.nanoTime();
        while (true) {
            var response = place();
            if (response.statusCode() == 201) {
                return millisSince(from);
            }
            assertEquals(503, response.statusCode(), "while recovering: " + response.body());
            assertTrue(millisSince(from) < HANG.toMillis(), "no recovery within " + HANG);
            Thread.sleep(50);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
