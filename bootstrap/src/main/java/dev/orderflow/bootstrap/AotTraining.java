package dev.orderflow.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    private static final String PREPARE = "--prepare";

    private final URI base;
    private final String authorization;

    private AotTraining(URI base, String token) {
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    /**
     * Trains and exits; the JVM writes the AOT cache on exit. With {@code --prepare <directory>} it only starts
     * the service on that data directory and stops: the database is created and migrated there in a JVM of its
     * own, since a start of the service finds its schema current and never loads Flyway.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(PREPARE)) {
            useDataDirectory(Path.of(args[1]));
            Application.start(new String[0], false).close();
            return;
        }
        var data = Files.createTempDirectory("orderflow-aot-training");
        int exitCode = prepare(data);
        if (exitCode != 0) {
            System.err.println("orderflow AOT training: preparing the database failed (exit " + exitCode + ")");
            deleteRecursively(data);
            System.exit(exitCode);
        }
        // not from the environment: a build in a shell with ORDERFLOW_DB_URL or KAFKA_BOOTSTRAP_SERVERS set
        // must not write training orders to that database or broker
        useDataDirectory(data);
        var context = Application.start(new String[0], false);
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

    /** The service of this JVM: embedded PostgreSQL in the directory, HTTP on a free port of 127.0.0.1. */
    private static void useDataDirectory(Path data) {
        System.setProperty("orderflow.db.data-dir", data.resolve("postgres").toString());
        System.setProperty("micronaut.server.host", "127.0.0.1");
        System.setProperty("micronaut.server.port", "-1");
    }

    /** Runs {@code --prepare} in a JVM of the same kind, so that this one records only what a usual start does. */
    private static int prepare(Path data) throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-DORDERFLOW_LOG_LEVEL=WARN", "-cp", System.getProperty("java.class.path"),
                AotTraining.class.getName(), PREPARE, data.toString()).inheritIO().start().waitFor();
    }

    private void walkThrough() throws IOException {
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
            throws IOException {
        // HttpURLConnection rather than java.net.http: the cache records what this JVM loads, and the client
        // of java.net.http brings hundreds of classes (TLS included) that the service never uses
        var connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setRequestMethod(method);
        boolean authorizes = false;
        for (int i = 0; i < headers.length; i += 2) {
            connection.setRequestProperty(headers[i], headers[i + 1]);
            authorizes |= headers[i].equals("Authorization");
        }
        if (!authorizes) {
            connection.setRequestProperty("Authorization", authorization);
        }
        if (json != null) {
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            try (var body = connection.getOutputStream()) {
                body.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        String body;
        try (var in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
        if (status != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + status + " instead of " + expected
                    + ": " + body);
        }
        return body;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
