package dev.orderflow.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The training run behind the JDK AOT cache that the build writes next to the jar
 * ({@code bootstrap/target/orderflow.aot}, see the README): starts the service the way {@code main} does, on an
 * embedded PostgreSQL in a temporary directory and a free port, whatever the environment variables say, walks
 * an order through its life over HTTP, asks for the operational endpoints, and stops. The build runs it with
 * {@code -XX:AOTCacheOutput}; when it exits, the JVM stores the classes it loaded and linked, and a start
 * with {@code -XX:AOTCache} skips that work. When the service does not answer as it should, it exits with
 * code 1, which fails the build: the packaged jar is broken.
 */
public final class AotTraining {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String ORDER = """
            {"customerId": "c-training", "lines": [{"sku": "BOOK-1", "quantity": 2,
             "unitPrice": {"amount": "12.50", "currency": "EUR"}}], "shippingAddress": {"recipient": "Ada Lovelace",
             "line1": "1 Main St", "postalCode": "10115", "city": "Berlin", "country": "DE"}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String authorization;

    private AotTraining(URI base, String token) {
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    /** Trains and exits; the JVM writes the AOT cache on exit. */
    public static void main(String[] args) throws Exception {
        var data = Files.createTempDirectory("orderflow-aot-training");
        System.setProperty("orderflow.db.data-dir", data.resolve("postgres").toString());
        System.setProperty("micronaut.server.host", "127.0.0.1");
        System.setProperty("micronaut.server.port", "-1");
        int exitCode = 0;
        // not from the environment: a build in a shell with ORDERFLOW_DB_URL or KAFKA_BOOTSTRAP_SERVERS set
        // must not write training orders to that database or broker
        var context = Application.start(args, false);
        try {
            // signed with the development key the start made in the training's data directory
            var token = TokenCommand.token(List.of("--sub", "aot-training", "--roles", "admin"), Map.of(),
                    System.getProperties(), Instant.now());
            new AotTraining(context.getBean(EmbeddedServer.class).getURI(), token).walkThrough();
        } catch (IOException | IllegalStateException e) {
            System.err.println("orderflow AOT training failed: " + e.getMessage());
            exitCode = 1;
        } finally {
            context.close();
            deleteRecursively(data);
        }
        System.exit(exitCode);
    }

    private void walkThrough() throws IOException, InterruptedException {
        var placed = send("POST", "/api/v1/orders", ORDER, 201, "Idempotency-Key", "aot-training-1");
        send("POST", "/api/v1/orders", ORDER, 201, "Idempotency-Key", "aot-training-1");
        var matcher = ID.matcher(placed);
        if (!matcher.find()) {
            throw new IllegalStateException("no order id in " + placed);
        }
        var order = "/api/v1/orders/" + matcher.group(1);
        send("GET", order, null, 200);
        send("GET", order, null, 304, "If-None-Match", "\"1\"");
        send("GET", "/api/v1/orders?customerId=c-training&status=PENDING&limit=10", null, 200);
        send("POST", order + "/confirm", null, 200, "If-Match", "\"1\"");
        send("POST", order + "/ship", "{\"carrier\": \"DHL\", \"trackingNumber\": \"JD014600003828\"}", 200);
        send("POST", order + "/deliver", null, 200);
        send("POST", order + "/cancel", "{\"reason\": \"too late\"}", 409);
        send("GET", order + "/events", null, 200);
        send("POST", "/api/v1/orders", "{\"customerId\": ", 400);
        send("GET", "/api/v1/orders/" + UUID.randomUUID(), null, 404);
        send("GET", "/health", null, 200);
        send("GET", "/prometheus", null, 200);
        send("GET", "/api/v1/orders", null, 401, "Authorization", "Bearer not-a-token");
    }

    private String send(String method, String path, String json, int expected, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        boolean authorizes = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorizes |= headers[i].equals("Authorization");
        }
        if (!authorizes) {
            request.header("Authorization", authorization);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                    + " instead of " + expected + ": " + response.body());
        }
        return response.body();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
