package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on embedded PostgreSQL, stopped with SIGTERM while clients keep placing orders and
 * started again on the same data directory: every order it acknowledged is there, and no client got a
 * server error during the shutdown.
 */
class RestartIT {

    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_STOP = 40;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @TempDir
    Path workDir;

    @Test
    void every_acknowledged_order_survives_a_sigterm_and_a_restart() throws Exception {
        var env = Map.of("ORDERFLOW_DB_DATA_DIR", workDir.resolve("data").toString());
        var acknowledged = new ConcurrentHashMap<String, String>();
        var serverErrors = new ConcurrentHashMap<String, Integer>();
        int exit;
        String firstRun;
        try (var service = ServiceProcess.start(workDir, env);
             var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
             var clients = Executors.newFixedThreadPool(CLIENTS)) {
            var enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_STOP);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> placeUntilRefused(http, service.uri(), acknowledged, serverErrors,
                        enough)));
            }
            enough.await();
            exit = service.terminate();
            for (var client : running) {
                client.get();
            }
            firstRun = service.stdout();
        }

        try (var service = ServiceProcess.start(workDir, env);
             var http = HttpClient.newHttpClient()) {
            var missing = new ArrayList<String>();
            for (var order : acknowledged.entrySet()) {
                var response = http.send(HttpRequest.newBuilder(service.uri().resolve("/api/v1/orders/" + order.getKey()))
                        .header("Authorization", ServiceProcess.bearer("restart-it", "staff"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains(order.getValue())) {
                    missing.add(order.getKey() + " -> " + response.statusCode());
                }
            }
            assertAll(
                    () -> assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_STOP),
                    () -> assertEquals(List.of(), missing, "acknowledged orders not found after the restart"),
                    () -> assertEquals(Map.of(), serverErrors, "server errors during the shutdown"),
                    () -> assertEquals(0, exit, "a clean stop"),
                    () -> assertTrue(firstRun.contains("Embedded PostgreSQL stopped"), firstRun));
        }
    }

    /** Places orders until the server stops answering; records each acknowledged id with its customer. */
    private static void placeUntilRefused(HttpClient http, URI base, Map<String, String> acknowledged,
                                          Map<String, Integer> serverErrors, CountDownLatch progress) {
        while (true) {
            var customer = "c-" + UUID.randomUUID().toString().substring(0, 13);
            var request = HttpRequest.newBuilder(base.resolve("/api/v1/orders"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Authorization", ServiceProcess.bearer("restart-it", "staff"))
                    .POST(HttpRequest.BodyPublishers.ofString(orderJson(customer))).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return; // the server has stopped accepting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (response.statusCode() == 201) {
                var id = ID.matcher(response.body());
                if (id.find()) {
                    acknowledged.put(id.group(1), customer);
                }
                progress.countDown();
            } else if (response.statusCode() >= 500 && response.statusCode() != 503) {
                serverErrors.put(customer, response.statusCode());
            } else if (response.statusCode() == 503) {
                return; // refused while shutting down: not acknowledged, fine
            }
        }
    }

    private static String orderJson(String customer) {
        return """
                {"customerId": "%s",
                 "lines": [{"sku": "BOOK-1", "quantity": 2, "unitPrice": {"amount": "12.50", "currency": "EUR"}}],
                 "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115",
                                     "city": "Berlin", "country": "DE"}}
                """.formatted(customer);
    }
}
