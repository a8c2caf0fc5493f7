package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import dev.orderflow.adapters.rest.api.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Backpressure against the whole application: with one place for blocking work, taken by a request that
 * waits for a row lock, the next request waits the overload wait and is refused with 503 and
 * {@code Retry-After}; once the place is free, requests are served again.
 */
class BackpressureIT {
    /** An admin may do everything these tests do; tokens are signed with the test secret. */
    private static final String AUTHORIZATION =
            TestTokens.bearer(TestTokens.hs256(TestTokens.SECRET).mint("ops", "admin"));


    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Test
    void past_the_bound_a_request_waits_briefly_then_gets_503_with_retry_after() throws Exception {
        var properties = new HashMap<String, Object>(new PostgresApplication().properties());
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("orderflow.api.max-concurrent-requests", 1);
        properties.put("orderflow.api.overload-wait", "100ms");
        properties.put("orderflow.db.lock-timeout", "60s");
        properties.put("orderflow.db.statement-timeout", "60s");
        try (var context = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
             var http = HttpClient.newHttpClient();
             var holder = DriverManager.getConnection(properties.get("orderflow.db.url").toString(),
                     properties.get("orderflow.db.user").toString(),
                     properties.get("orderflow.db.password").toString())) {
            var base = context.getBean(EmbeddedServer.class).getURI();
            var placed = http.send(place(base), HttpResponse.BodyHandlers.ofString());
            var matcher = ID.matcher(placed.body());
            assertTrue(matcher.find(), placed.body());
            var id = matcher.group(1);

            holder.setAutoCommit(false);
            try (var lock = holder.createStatement()) {
                lock.execute("SELECT 1 FROM orders WHERE id = '" + id + "' FOR UPDATE");
            }
            var stuck = http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/v1/orders/" + id + "/confirm"))
                    .header("Authorization", AUTHORIZATION)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            var refused = awaitRefusal(http, base.resolve("/api/v1/orders/" + id), stuck);
            holder.rollback();
            var confirmed = stuck.get();
            var servedAgain = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/orders/" + id))
                    .header("Authorization", AUTHORIZATION).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertAll(
                    () -> assertEquals(503, refused.statusCode(), refused.body()),
                    () -> assertTrue(refused.body().contains("https://orderflow.dev/problems/unavailable"), refused.body()),
                    () -> assertEquals("1", refused.headers().firstValue("Retry-After").orElse("")),
                    () -> assertEquals(200, confirmed.statusCode(), confirmed.body()),
                    () -> assertEquals(200, servedAgain.statusCode(), servedAgain.body()));
        }
    }

    /** Reads until refused: the first read may come before the stuck request took the place. */
    private static HttpResponse<String> awaitRefusal(HttpClient http, URI order,
                                                     CompletableFuture<HttpResponse<String>> stuck) throws Exception {
        for (int i = 0; i < 200; i++) {
            var response = http.send(HttpRequest.newBuilder(order).header("Authorization", AUTHORIZATION).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || stuck.isDone()) {
                return response;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never refused");
    }

    private static HttpRequest place(URI base) {
        return HttpRequest.newBuilder(base.resolve("/api/v1/orders"))
                .header("Authorization", AUTHORIZATION)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId": "c-busy",
                         "lines": [{"sku": "BOOK-1", "quantity": 1, "unitPrice": {"amount": "9.99", "currency": "EUR"}}],
                         "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115",
                                             "city": "Berlin", "country": "DE"}}
                        """)).build();
    }
}
