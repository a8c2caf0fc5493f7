package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.adapters.rest.api.TestTokens;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import dev.orderflow.domain.OrderId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application on a PostgreSQL server of its own that the test stops and starts again on the same
 * port: while it is down, API requests get {@code 503 unavailable} with {@code Retry-After} (never a 500, never
 * a hang), readiness is DOWN and liveness UP; when it is back, requests succeed again without a restart. A
 * lock held past {@code lock_timeout} is a 503 as well. Times are printed, not asserted: the limits below only
 * tell a hang from an answer on a busy machine; bench/chaos.sh measures them on the packaged jar.
 */
class DatabaseOutageIT {
    /** An admin may do everything these tests do; tokens are signed with the test secret. */
    private static final String AUTHORIZATION =
            TestTokens.bearer(TestTokens.hs256(TestTokens.SECRET).mint("ops", "admin"));


    /** Far above the bounds (2 s, 1 s, 5 s): only a hang exceeds it. */
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @TempDir
    Path data;

    private int port;
    private EmbeddedPostgres postgres;
    private ApplicationContext application;
    private URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        startPostgres();
        var server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "micronaut.server.host", "127.0.0.1",
                "orderflow.db.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "orderflow.db.user", "postgres", "orderflow.db.password", "",
                "orderflow.db.lock-timeout", "500ms",
                "orderflow.api.cursor-secret", "outage-test-secret-outage-test-secret-0123",
                "orderflow.auth.jwt-secret", TestTokens.SECRET));
        application = server.getApplicationContext();
        base = server.getURI();
    }

    @AfterEach
    void stop() throws IOException {
        if (application != null) {
            application.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        http.close();
    }

    @Test
    void an_outage_is_503_with_retry_after_and_readiness_down_then_heals_without_a_restart() throws Exception {
        var placed = place();
        assertEquals(201, placed.statusCode(), placed.body());
        var id = id(placed);

        postgres.close();
        long stopped = System.nanoTime();
        var duringOutage = place();
        long answeredAfter = millisSince(stopped);
        var readOutage = get("/api/v1/orders/" + id);
        long readinessDownAfter = awaitStatus("/health/readiness", status -> status == 503);
        var refusedAtOnce = awaitRefusedWithoutWaiting(new OrderId(UUID.fromString(id)));
        var liveness = get("/health/liveness");
        assertAll(
                () -> assertEquals(503, duringOutage.statusCode(), duringOutage.body()),
                () -> assertEquals("application/problem+json",
                        duringOutage.headers().firstValue("Content-Type").orElse("")),
                () -> assertTrue(duringOutage.body().contains("https://orderflow.dev/problems/unavailable"),
                        duringOutage.body()),
                () -> assertTrue(duringOutage.headers().firstValue("Retry-After").isPresent()),
                () -> assertTrue(answeredAfter < HANG.toMillis(), answeredAfter + " ms"),
                () -> assertEquals(503, readOutage.statusCode(), readOutage.body()),
                () -> assertTrue(refusedAtOnce.getMessage().contains("the last attempt to connect failed"),
                        refusedAtOnce.getMessage()),
                () -> assertEquals(200, liveness.statusCode(), "liveness stays UP: " + liveness.body()));

        startPostgres();
        long restarted = System.nanoTime();
        long recoveredAfter = awaitPlaced();
        // readiness turns UP with the background check's first success, which may come just after the first 201
        long readinessUpAfter = awaitStatus("/health/readiness", status -> status == 200);
        System.out.printf("outage: 503 after %d ms, readiness DOWN after %d ms, recovered %d ms after the "
                + "database returned%n", answeredAfter, readinessDownAfter, millisSince(restarted));
        assertAll(
                () -> assertEquals(200, get("/api/v1/orders/" + id).statusCode(), "the order is still there"),
                () -> assertTrue(readinessUpAfter < HANG.toMillis()),
                () -> assertTrue(recoveredAfter >= 0));
    }

    @Test
    void a_lock_held_past_the_lock_timeout_is_503_not_a_hang() throws Exception {
        var placed = place();
        var id = id(placed);
        try (var holder = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", "")) {
            holder.setAutoCommit(false);
            try (var lock = holder.createStatement()) {
                lock.execute("SELECT 1 FROM orders WHERE id = '" + id + "' FOR UPDATE");
            }
            var confirm = send(HttpRequest.newBuilder(base.resolve("/api/v1/orders/" + id + "/confirm"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            holder.rollback();
            assertAll(
                    () -> assertEquals(503, confirm.statusCode(), confirm.body()),
                    () -> assertTrue(confirm.headers().firstValue("Retry-After").isPresent()));
        }
        var confirmed = send(HttpRequest.newBuilder(base.resolve("/api/v1/orders/" + id + "/confirm"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(200, confirmed.statusCode(), "served once the lock is gone: " + confirmed.body());
    }

    /**
     * Once the readiness check cannot connect, the storage refuses work before asking the pool for a connection:
     * the failure names the failed connection attempt, not a pool timeout.
     */
    private StorageUnavailableException awaitRefusedWithoutWaiting(OrderId id) throws InterruptedException {
        var orders = application.getBean(OrderStorage.class).orders();
        long deadline = System.nanoTime() + HANG.toNanos();
        while (true) {
            var failure = assertThrows(StorageUnavailableException.class, () -> orders.load(id));
            if (failure.getMessage().contains("the last attempt to connect failed")
                    || System.nanoTime() > deadline) {
                return failure;
            }
            Thread.sleep(50);
        }
    }

    private void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                .start();
    }

    private HttpResponse<String> place() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId": "c-outage",
                         "lines": [{"sku": "BOOK-1", "quantity": 1, "unitPrice": {"amount": "9.99", "currency": "EUR"}}],
                         "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115",
                                             "city": "Berlin", "country": "DE"}}
                        """)).build());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(HANG)
                        .header("Authorization", AUTHORIZATION).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the status matches; returns the milliseconds it took. */
    private long awaitStatus(String path, Predicate<Integer> wanted) throws Exception {
        long from = System.nanoTime();
        while (!wanted.test(get(path).statusCode())) {
            assertTrue(millisSince(from) < HANG.toMillis(), path + " did not change within " + HANG);
            Thread.sleep(50);
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

    private static String id(HttpResponse<String> response) {
        var matcher = ID.matcher(response.body());
        assertTrue(matcher.find(), response.body());
        return matcher.group(1);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
