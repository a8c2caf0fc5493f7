package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.DeadLetterReplay;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.testkit.contract.ContractFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The payment and shipping consumers in a Micronaut context with a real broker; each subclass chooses the
 * storage. The upstream topics have one partition ({@link KafkaBroker}), so that a poison record and the
 * records after it share a partition.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InboundScenarios {

    static final String PAYMENTS = "payments.v1";
    static final String SHIPPING = "shipping.v1";
    KafkaBroker broker;
    EmbeddedServer server;
    OrderService orders;

    /** The properties that select the storage; called once per class. */
    abstract Map<String, Object> storage();

    @BeforeAll
    void start() throws Exception {
        broker = KafkaBroker.shared();
        server = TestServices.start(storage(), Map.of(
                "orderflow.messaging.max-attempts", "3",
                "orderflow.messaging.retry-initial-backoff", "50ms"));
        orders = server.getApplicationContext().getBean(OrderService.class);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    OrderId placed() {
        var result = orders.place(new NewOrder(ContractFixtures.newCustomer(), ContractFixtures.lines(),
                ContractFixtures.ADDRESS, new Actor.System("shop")));
        return assertInstanceOf(CommandResult.Accepted.class, result).order().id();
    }

    void send(String topic, OrderId order, String json) throws Exception {
        broker.send(topic, order.toString(), json.getBytes(StandardCharsets.UTF_8));
    }

    static String paymentSucceeded(String eventId, OrderId order) {
        return """
                {"type":"PaymentSucceeded","eventId":"%s","orderId":"%s"}""".formatted(eventId, order);
    }

    void awaitStatus(OrderId order, OrderStatus status) throws InterruptedException {
        await("order " + order + " is " + status, Duration.ofSeconds(30),
                () -> orders.get(order).orElseThrow().status() == status);
    }

    double handled(String consumer, String outcome) {
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
    void replaying_a_topic_that_is_not_upstream_is_an_unknown_topic() {
        var result = replay().replay("orderflow.orders.v1");
        var unknown = assertInstanceOf(DeadLetterReplay.Result.UnknownTopic.class, result);
        assertEquals(java.util.Set.of(PAYMENTS, "shipping.v1"), unknown.upstreamTopics());
    }

    /** The dead-letter replay use case, as the REST adapter's admin endpoint calls it. */
    DeadLetterReplay replay() {
        return server.getApplicationContext().getBean(DeadLetterReplay.class);
    }
}
