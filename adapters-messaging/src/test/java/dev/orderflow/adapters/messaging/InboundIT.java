package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.RelayIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.contract.ContractFixtures;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The payment and shipping consumers in a Micronaut context on in-memory storage, with a real broker. */
class InboundIT {

    private static final String PAYMENTS = "payments.v1";
    private static final String SHIPPING = "shipping.v1";
    private static KafkaBroker broker;
    private static EmbeddedServer server;
    private static OrderService orders;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.start();
        // one partition each, so that a poison record and the records after it share a partition
        broker.createTopic(PAYMENTS, 1);
        broker.createTopic(SHIPPING, 1);
        server = io.micronaut.context.ApplicationContext.run(EmbeddedServer.class, Map.of(
                "test.storage", "memory",
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "kafka.health.enabled", "false",
                "micronaut.server.port", "-1",
                "orderflow.messaging.max-attempts", "3",
                "orderflow.messaging.retry-initial-backoff", "50ms"));
        orders = server.getApplicationContext().getBean(OrderService.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static OrderId placed() {
        var result = orders.place(new NewOrder(ContractFixtures.newCustomer(), ContractFixtures.lines(),
                ContractFixtures.ADDRESS, new Actor.System("shop")));
        return assertInstanceOf(CommandResult.Accepted.class, result).order().id();
    }

    private static void send(String topic, OrderId order, String json) throws Exception {
        broker.send(topic, order.toString(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String paymentSucceeded(String eventId, OrderId order) {
        return """
                {"type":"PaymentSucceeded","eventId":"%s","orderId":"%s"}""".formatted(eventId, order);
    }

    private static void awaitStatus(OrderId order, OrderStatus status) throws InterruptedException {
        await("order " + order + " is " + status, Duration.ofSeconds(30),
                () -> orders.get(order).orElseThrow().status() == status);
    }

    private static double handled(String consumer, String outcome) {
        var counter = server.getApplicationContext().getBean(MeterRegistry.class).find("orderflow.inbound.messages")
                .tags("consumer", consumer, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void payment_and_shipping_events_move_an_order_to_delivered() throws Exception {
        var order = placed();
        send(PAYMENTS, order, paymentSucceeded(UUID.randomUUID().toString(), order));
        awaitStatus(order, OrderStatus.CONFIRMED);
        send(SHIPPING, order, """
                {"type":"ParcelShipped","eventId":"%s","orderId":"%s","carrier":"DHL","trackingNumber":"JD0001"}"""
                .formatted(UUID.randomUUID(), order));
        send(SHIPPING, order, """
                {"type":"ParcelDelivered","eventId":"%s","orderId":"%s"}""".formatted(UUID.randomUUID(), order));
        awaitStatus(order, OrderStatus.DELIVERED);
        assertEquals(new Actor.System("shipping"), orders.history(order).orElseThrow().getLast().actor());
    }

    @Test
    void a_duplicate_delivery_has_one_effect() throws Exception {
        var order = placed();
        var eventId = UUID.randomUUID().toString();
        double duplicatesBefore = handled("payments", "duplicate");
        send(PAYMENTS, order, paymentSucceeded(eventId, order));
        send(PAYMENTS, order, paymentSucceeded(eventId, order));
        await("the second delivery is handled", Duration.ofSeconds(30),
                () -> handled("payments", "duplicate") > duplicatesBefore);
        assertEquals(2, orders.history(order).orElseThrow().size(), "placed and confirmed, once");
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_the_partition_keeps_flowing() throws Exception {
        var poisoned = placed();
        var next = placed();
        send(PAYMENTS, poisoned, "{ this is not JSON");
        send(PAYMENTS, next, paymentSucceeded(UUID.randomUUID().toString(), next));
        awaitStatus(next, OrderStatus.CONFIRMED);

        var dead = broker.read(PAYMENTS + ".dlq", record -> record.key().equals(poisoned.toString()), 1);
        assertEquals(1, dead.size());
        var letter = dead.getFirst();
        assertEquals("{ this is not JSON", new String(letter.value(), StandardCharsets.UTF_8));
        assertTrue(KafkaBroker.header(letter, DeadLetters.ERROR).startsWith("malformed: not a JSON object"),
                KafkaBroker.header(letter, DeadLetters.ERROR));
        assertEquals("1", KafkaBroker.header(letter, DeadLetters.ATTEMPTS));
        assertEquals(PAYMENTS, KafkaBroker.header(letter, DeadLetters.ORIGINAL_TOPIC));
        assertEquals("0", KafkaBroker.header(letter, DeadLetters.ORIGINAL_PARTITION));
        assertTrue(Long.parseLong(KafkaBroker.header(letter, DeadLetters.ORIGINAL_OFFSET)) >= 0);
        assertEquals(OrderStatus.PENDING, orders.get(poisoned).orElseThrow().status());
    }

    @Test
    void a_message_failing_every_attempt_is_dead_lettered_and_a_replay_applies_it() throws Exception {
        var outage = server.getApplicationContext().getBean(InMemoryServices.Outage.class);
        var order = placed();
        var eventId = UUID.randomUUID().toString();
        outage.down.set(true);
        try {
            send(PAYMENTS, order, paymentSucceeded(eventId, order));
            var dead = broker.read(PAYMENTS + ".dlq", record -> record.key().equals(order.toString()), 1);
            assertEquals(1, dead.size());
            assertEquals("3", KafkaBroker.header(dead.getFirst(), DeadLetters.ATTEMPTS));
            assertEquals("java.lang.IllegalStateException: database unavailable",
                    KafkaBroker.header(dead.getFirst(), DeadLetters.ERROR));
        } finally {
            outage.down.set(false);
        }
        assertEquals(OrderStatus.PENDING, orders.get(order).orElseThrow().status());

        var response = post("/admin/dead-letters/" + PAYMENTS + "/replay");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"deadLetterTopic\":\"payments.v1.dlq\""), response.body());
        awaitStatus(order, OrderStatus.CONFIRMED);
    }

    @Test
    void replaying_an_unknown_topic_is_not_found() throws Exception {
        var response = post("/admin/dead-letters/orderflow.orders.v1/replay");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
    }

    private static HttpResponse<String> post(String path) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
