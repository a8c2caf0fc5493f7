package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service with and without {@code KAFKA_BOOTSTRAP_SERVERS}: relay and consumers on or off. */
class KafkaModeIT {

    @TempDir
    Path workDir;

    @Test
    void without_kafka_the_service_says_events_are_not_published_and_stays_ready() throws Exception {
        try (var service = ServiceProcess.start(workDir, Map.of("ORDERFLOW_STORAGE", "memory"))) {
            var health = get(service.uri().resolve("/health"));
            assertAll(
                    () -> assertTrue(service.stdout().contains("KAFKA_BOOTSTRAP_SERVERS is not set"), service.stdout()),
                    () -> assertEquals(200, health.statusCode(), health.body()),
                    () -> assertTrue(health.body().contains("NOT_CONFIGURED"), health.body()),
                    () -> assertFalse(service.stdout().contains("Publishing order events"), service.stdout()));
        }
    }

    @Test
    void with_kafka_the_relay_runs_and_upstream_events_are_consumed() throws Exception {
        try (var cluster = TestBroker.start(Map.of())) {
            // the service stops before the broker: consumers of a vanished broker would wait on shutdown
            try (var service = ServiceProcess.start(workDir, Map.of("ORDERFLOW_STORAGE", "memory",
                    "KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers()))) {
                var order = UUID.randomUUID();
                send(cluster.bootstrapServers(), "payments.v1", order.toString(), """
                        {"type":"PaymentSucceeded","eventId":"%s","orderId":"%s"}""".formatted(UUID.randomUUID(), order));
                awaitLog(service, "order " + order + " does not exist");
                var health = get(service.uri().resolve("/health"));
                var metrics = get(service.uri().resolve("/prometheus")).body();
                assertAll(
                        () -> assertTrue(metrics.contains("kafka_producer_record_send_total"), "producer metrics"),
                        () -> assertTrue(metrics.contains("kafka_consumer_"), "consumer metrics"),
                        () -> assertTrue(service.stdout().contains("Publishing order events to topic orderflow.orders.v1"),
                                service.stdout()),
                        () -> assertEquals(200, health.statusCode(), health.body()),
                        () -> assertTrue(health.body().contains("\"state\":\"RUNNING\""), health.body()));
            }
        }
    }

    private static void awaitLog(ServiceProcess service, String text) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!service.stdout().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the service never logged \"" + text + "\"\n" + service.stdout());
            }
            Thread.sleep(100);
        }
    }

    private static void send(String servers, String topic, String key, String json) throws Exception {
        var config = new Properties();
        config.put("bootstrap.servers", servers);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            // health details are for admins
            return http.send(HttpRequest.newBuilder(uri).header("Authorization", ServiceProcess.bearer("ops", "admin"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
