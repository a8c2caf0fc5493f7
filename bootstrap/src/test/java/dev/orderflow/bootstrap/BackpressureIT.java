package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.adapters.rest.api.TestTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backpressure against the whole application, with one place for API requests, taken by a request that waits
 * for a row lock: the next API requests wait the overload wait and are refused with 503 and
 * {@code Retry-After}, before their token is looked at; waiting holds no thread, so the probes answer
 * meanwhile; once the place is free, the requests waiting for it get it in turn and go on in their own context
 * (request id in the MDC), and every outcome frees it. A request waits for a place only once its body has
 * arrived, and a body that does not arrive within the body deadline is refused with 408.
 */
class BackpressureIT {
    /** An admin may do everything these tests do; tokens are signed with the test secret. */
    private static final String AUTHORIZATION =
            TestTokens.bearer(TestTokens.hs256(TestTokens.SECRET).mint("ops", "admin"));
    private static final Duration OVERLOAD_WAIT = Duration.ofSeconds(3);
    private static final int HANDED_ON = 10;
    private static final int WAITING = 32;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @RegisterExtension
    final LogLines accessLog = new LogLines(LogLines.ACCESS);

    @Test
    void past_the_bound_requests_wait_briefly_then_get_503_with_retry_after_and_the_probes_answer()
            throws Exception {
        var properties = onePlace();
        properties.put("orderflow.api.overload-wait", OVERLOAD_WAIT.toMillis() + "ms");
        properties.put("orderflow.api.max-waiting-requests", WAITING);
        properties.put("orderflow.db.lock-timeout", "60s");
        properties.put("orderflow.db.statement-timeout", "60s");
        try (var context = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
             // HTTP/1.1 like the load generator: no h2c upgrade attempt on each new connection
             var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             var holder = DriverManager.getConnection(properties.get("orderflow.db.url").toString(),
                     properties.get("orderflow.db.user").toString(),
                     properties.get("orderflow.db.password").toString())) {
            var base = context.getBean(EmbeddedServer.class).getURI();
            var placed = http.send(place(base, AUTHORIZATION, body()).build(), HttpResponse.BodyHandlers.ofString());
            var matcher = ID.matcher(placed.body());
            assertTrue(matcher.find(), placed.body());
            var order = base.resolve("/api/v1/orders/" + matcher.group(1));

            holder.setAutoCommit(false);
            try (var lock = holder.createStatement()) {
                lock.execute("SELECT 1 FROM orders WHERE id = '" + matcher.group(1) + "' FOR UPDATE");
            }
            var stuck = http.sendAsync(HttpRequest.newBuilder(URI.create(order + "/confirm"))
                    .header("Authorization", AUTHORIZATION)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            awaitRefusal(http, order, stuck);

            long sent = System.nanoTime();
            var waiting = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < WAITING; i++) {
                var request = switch (i % 3) {
                    case 0 -> get(order, AUTHORIZATION);
                    // admission comes before the token check and before the body is read
                    case 1 -> get(order, "Bearer not-a-token");
                    default -> place(base, AUTHORIZATION, "{\"customerId\": ");
                };
                waiting.add(http.sendAsync(request.header("X-Request-Id", "waiting-" + i).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(200);
            var liveness = http.send(HttpRequest.newBuilder(base.resolve("/health/liveness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var readiness = http.send(HttpRequest.newBuilder(base.resolve("/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean probesAnsweredWhileAllWaited = waiting.stream().noneMatch(CompletableFuture::isDone);
            var refused = waiting.stream().map(CompletableFuture::join).toList();
            long refusedAfterMillis = (System.nanoTime() - sent) / 1_000_000;

            var handedOn = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < HANDED_ON; i++) {
                handedOn.add(http.sendAsync(get(order, AUTHORIZATION).header("X-Request-Id", "handed-on-" + i).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(200);
            holder.rollback();
            var confirmed = stuck.get();
            var servedInTurn = handedOn.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
            var servedAgain = afterwards(http, base, order);
            assertAll(
                    () -> assertEquals(200, liveness.statusCode(), liveness.body()),
                    () -> assertEquals(200, readiness.statusCode(), readiness.body()),
                    () -> assertTrue(probesAnsweredWhileAllWaited,
                            "the probes waited for the refusals: a waiting request held a thread"),
                    () -> assertRefused(refused),
                    () -> assertTrue(refusedAfterMillis >= OVERLOAD_WAIT.toMillis(), refusedAfterMillis + " ms"),
                    () -> assertTrue(refusedAfterMillis < OVERLOAD_WAIT.toMillis() + 5_000,
                            "refused after " + refusedAfterMillis + " ms"),
                    () -> assertEquals(200, confirmed.statusCode(), confirmed.body()),
                    () -> assertEquals(Collections.nCopies(HANDED_ON, 200), servedInTurn,
                            "requests waiting when the place came free get it in turn"),
                    () -> assertEquals(IntStream.range(0, HANDED_ON).mapToObj(i -> "handed-on-" + i).toList(),
                            loggedRequestIds("handed-on-"), () -> "each request that got a freed place goes on in "
                                    + "its own context, not in the one of the request that freed it: "
                                    + accessLog.list().stream().map(event -> event.getThreadName() + " "
                                    + event.getMDCPropertyMap().get("requestId")).toList()),
                    () -> assertEquals(List.of(401, 400, 404, 200, 401, 400, 404, 200, 401, 400, 404, 200),
                            servedAgain, "every outcome frees its place"));
        }
    }

    @Test
    void a_body_that_arrives_slowly_holds_no_place_and_gets_408_at_the_body_deadline() throws Exception {
        var properties = onePlace();
        properties.put("orderflow.api.overload-wait", "200ms");
        properties.put("orderflow.api.body-deadline", "2s");
        try (var context = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
             var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var base = context.getBean(EmbeddedServer.class).getURI();
            var slow = new ArrayList<Socket>();
            try {
                for (int i = 0; i < 3; i++) { // more than the one place: a part of the body, then nothing
                    var socket = new Socket(base.getHost(), base.getPort());
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write(("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nAuthorization: "
                            + AUTHORIZATION + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
                            + "{\"customerId\": ").getBytes(StandardCharsets.US_ASCII));
                    slow.add(socket);
                }
                for (int i = 0; i < 5; i++) {
                    var response = http.send(get(base.resolve("/api/v1/orders?limit=1"), AUTHORIZATION).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), "a slow body took the place: " + response.body());
                    Thread.sleep(100);
                }
                for (var socket : slow) {
                    // the whole answer, then the end of the stream: the server closed the connection
                    var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertAll(() -> assertTrue(answer.startsWith("HTTP/1.1 408 "), answer),
                            () -> assertTrue(answer.contains("https://orderflow.dev/problems/request-timeout"), answer),
                            () -> assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer));
                }
            } finally {
                for (var socket : slow) {
                    socket.close();
                }
            }
        }
    }

    /** The application on PostgreSQL, on a free port of 127.0.0.1, with one place for API requests. */
    private static Map<String, Object> onePlace() {
        var properties = new HashMap<String, Object>(new PostgresApplication().properties());
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("orderflow.api.max-concurrent-requests", 1);
        return properties;
    }

    private static void assertRefused(List<HttpResponse<String>> refused) {
        for (int i = 0; i < refused.size(); i++) {
            var response = refused.get(i);
            var requestId = "waiting-" + i;
            assertAll(() -> assertEquals(503, response.statusCode(), response.body()),
                    () -> assertTrue(response.body().contains("https://orderflow.dev/problems/unavailable"),
                            response.body()),
                    () -> assertTrue(response.body().contains("\"requestId\":\"" + requestId + "\""),
                            response.body()),
                    () -> assertTrue(response.headers().firstValue("Content-Type").orElse("")
                            .startsWith("application/problem+json"), response.headers().toString()),
                    () -> assertEquals("1", response.headers().firstValue("Retry-After").orElse("")));
        }
    }

    /**
     * The request ids in the MDC of the access log's lines (where every log line of the request has it), sorted,
     * of the requests whose ids start with the prefix.
     */
    private List<String> loggedRequestIds(String prefix) {
        return accessLog.list().stream().map(event -> event.getMDCPropertyMap().get("requestId"))
                .filter(id -> id != null && id.startsWith(prefix)).sorted().toList();
    }

    /** Statuses of requests one after another, each of which needs the one place. */
    private static List<Integer> afterwards(HttpClient http, URI base, URI order) throws Exception {
        var statuses = new ArrayList<Integer>();
        for (int round = 0; round < 3; round++) {
            for (var request : List.of(get(order, null), place(base, AUTHORIZATION, "{\"customerId\": "),
                    get(base.resolve("/api/v1/orders/" + UUID.randomUUID()), AUTHORIZATION),
                    get(order, AUTHORIZATION))) {
                statuses.add(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            }
        }
        return statuses;
    }

    /** Reads until refused: the first read may come before the stuck request took the place. */
    private static void awaitRefusal(HttpClient http, URI order, CompletableFuture<HttpResponse<String>> stuck)
            throws Exception {
        for (int i = 0; i < 200; i++) {
            var response = http.send(get(order, AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) {
                return;
            }
            if (stuck.isDone()) {
                var ended = stuck.join();
                throw new AssertionError("the request meant to hold the place ended: " + ended.statusCode() + " "
                        + ended.headers().map() + " " + ended.body());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never refused");
    }

    private static HttpRequest.Builder get(URI uri, String authorization) {
        var builder = HttpRequest.newBuilder(uri);
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private static HttpRequest.Builder place(URI base, String authorization, String body) {
        return HttpRequest.newBuilder(base.resolve("/api/v1/orders"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String body() {
        return """
                {"customerId": "c-busy",
                 "lines": [{"sku": "BOOK-1", "quantity": 1, "unitPrice": {"amount": "9.99", "currency": "EUR"}}],
                 "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115",
                                     "city": "Berlin", "country": "DE"}}
                """;
    }
}
