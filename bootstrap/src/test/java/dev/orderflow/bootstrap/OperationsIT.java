package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import dev.orderflow.adapters.rest.api.ApiSuite;
import dev.orderflow.adapters.rest.api.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What operators see, against the whole application on PostgreSQL: HikariCP's pool metrics on /prometheus,
 * no other management endpoint of the framework's than /health, the access log (one line per request with method, route template, status, duration and request id),
 * which a setting switches off, and no error line for a client's malformed token.
 */
class OperationsIT {
    /** An admin may do everything these tests do; tokens are signed with the test secret. */
    private static final String AUTHORIZATION =
            TestTokens.bearer(TestTokens.hs256(TestTokens.SECRET).mint("ops", "admin"));


    @RegisterExtension
    final LogLines accessLog = new LogLines(LogLines.ACCESS);
    @RegisterExtension
    final LogLines everyLine = new LogLines(LogLines.ALL);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void release() {
        http.close();
    }

    @Test
    void prometheus_shows_the_connection_pool() throws Exception {
        try (var context = start(Map.of())) {
            get(uri(context, "/api/v1/orders"));
            var metrics = get(uri(context, "/prometheus")).body();
            assertAll(
                    () -> assertTrue(metrics.contains("hikaricp_connections_active{pool=\"orderflow\"}"), metrics),
                    () -> assertTrue(metrics.contains("hikaricp_connections_pending{pool=\"orderflow\"}"), metrics),
                    () -> assertTrue(metrics.contains("hikaricp_connections_timeout_total{pool=\"orderflow\"}"),
                            metrics));
        }
    }

    @Test
    void the_frameworks_other_management_endpoints_are_not_there_even_for_an_admin() throws Exception {
        try (var context = start(Map.of())) {
            for (var path : List.of("/beans", "/routes", "/info", "/threaddump", "/loggers", "/env", "/caches",
                    "/metrics", "/stop")) {
                assertEquals(404, get(uri(context, path)).statusCode(), "GET " + path);
            }
            for (var path : List.of("/refresh", "/stop", "/loggers/ROOT")) {
                var post = HttpRequest.newBuilder(uri(context, path)).header("Authorization", AUTHORIZATION)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
                assertEquals(404, http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode(), "POST " + path);
            }
            assertEquals(200, get(uri(context, "/health")).statusCode());
        }
    }

    @Test
    void a_request_with_an_origin_header_is_served_like_any_other_without_cors_headers() throws Exception {
        try (var context = start(Map.of())) {
            for (var origin : List.of("https://shop.example", "null")) {
                var request = HttpRequest.newBuilder(uri(context, "/api/v1/orders?limit=1"))
                        .header("Authorization", AUTHORIZATION).header("Origin", origin).build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertAll(
                        () -> assertEquals(200, response.statusCode(), origin),
                        () -> assertEquals(Optional.empty(),
                                response.headers().firstValue("Access-Control-Allow-Origin"), origin));
            }
        }
    }

    @Test
    void every_request_is_one_access_log_line_with_its_route_template() throws Exception {
        try (var context = start(Map.of())) {
            var id = UUID.randomUUID();
            var response = get(uri(context, "/api/v1/orders/" + id));
            var lines = accessLines();
            assertEquals(1, lines.size(), lines.toString());
            var line = lines.getFirst();
            assertAll(
                    () -> assertEquals(404, response.statusCode()),
                    () -> assertEquals("GET", line.get("method")),
                    () -> assertEquals("/api/v1/orders/{id}", line.get("route"), "the template, not the id"),
                    () -> assertEquals(404, line.get("status")),
                    () -> assertEquals(id.toString(), line.get("orderId"), "the order the request is about"),
                    () -> assertTrue(line.get("durationMs") instanceof Long, line.toString()),
                    () -> assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(),
                            line.getOrDefault("requestId", accessLog.list().getFirst().getMDCPropertyMap()
                                    .get("requestId"))));
        }
    }

    @Test
    void the_access_line_of_a_placement_names_the_order_it_created() throws Exception {
        try (var context = start(Map.of())) {
            var post = HttpRequest.newBuilder(uri(context, "/api/v1/orders")).header("Authorization", AUTHORIZATION)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ApiSuite.orderJson("c-ops")))
                    .build();
            var response = http.send(post, HttpResponse.BodyHandlers.ofString());
            var location = response.headers().firstValue("Location").orElseThrow();
            var line = accessLines().getLast();
            assertAll(
                    () -> assertEquals(201, response.statusCode(), response.body()),
                    () -> assertEquals("/api/v1/orders", line.get("route")),
                    () -> assertEquals(location.substring(location.lastIndexOf('/') + 1), line.get("orderId")));
        }
    }

    @Test
    void the_access_log_can_be_switched_off() throws Exception {
        try (var context = start(Map.of("orderflow.access-log", "false"))) {
            var response = get(uri(context, "/api/v1/orders/" + UUID.randomUUID()));
            assertAll(
                    () -> assertEquals(404, response.statusCode()),
                    () -> assertEquals(List.of(), accessLines()));
        }
    }

    @Test
    void a_signed_token_whose_time_claims_are_not_numbers_gets_401_and_no_error_line() throws Exception {
        try (var context = start(Map.of())) {
            for (var claim : List.of("exp", "nbf", "iat")) {
                var token = TestTokens.hs256(TestTokens.SECRET).sign(new JWTClaimsSet.Builder().subject("ops")
                        .claim("roles", List.of("admin")).claim(claim, "tomorrow").build());
                var response = http.send(HttpRequest.newBuilder(uri(context, "/api/v1/orders"))
                        .header("Authorization", TestTokens.bearer(token)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, response.statusCode(), claim + ": " + response.body());
            }
        }
        assertEquals(List.of(), everyLine.list().stream()
                .filter(line -> line.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(line -> line.getLoggerName() + ": " + line.getFormattedMessage()).toList(),
                "a client's malformed token is the client's mistake, answered with 401, not an error of the service");
    }

    private List<Map<String, Object>> accessLines() {
        return accessLog.list().stream().map(event -> event.getKeyValuePairs() == null ? Map.<String, Object>of()
                : event.getKeyValuePairs().stream().collect(Collectors.toMap(pair -> pair.key, pair -> pair.value)))
                .toList();
    }

    private static URI uri(ApplicationContext context, String path) {
        return context.getBean(EmbeddedServer.class).getURI().resolve(path);
    }

    private static ApplicationContext start(Map<String, String> extra) {
        var properties = new HashMap<String, Object>(new PostgresApplication().properties());
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
    }
}
