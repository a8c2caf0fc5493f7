package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.TrackingNumber;
import dev.orderflow.events.EventType;
import dev.orderflow.testkit.contract.ContractFixtures;
import dev.orderflow.testkit.contract.EventPublisherContract;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The relay in a Micronaut context, publishing to a real broker: each subclass chooses the storage. The
 * orders topic has three partitions, so per-order order depends on the record key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RelayScenarios {

    static final String TOPIC = "orderflow.orders.v1";
    private static final Actor SHOP = new Actor.System("shop");
    KafkaBroker broker;
    ApplicationContext context;
    OrderService orders;

    /** The properties that select the storage; called once per class. */
    abstract Map<String, Object> storage();

    @BeforeAll
    void start() throws Exception {
        broker = KafkaBroker.shared();
        context = TestServices.start(storage(), Map.of()).getApplicationContext();
        orders = context.getBean(OrderService.class);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** Places an order and moves it on: delivered, cancelled, or left pending, by its number. */
    static List<OrderEvent> lifeOf(OrderService orders, int n) {
        var placed = assertInstanceOf(CommandResult.Accepted.class, orders.place(new NewOrder(
                ContractFixtures.newCustomer(), ContractFixtures.lines(), ContractFixtures.ADDRESS, SHOP)));
        var id = placed.order().id();
        var any = ExpectedVersion.any();
        switch (n % 3) {
            case 0 -> {
                orders.confirm(id, any, SHOP);
                orders.ship(id, any, new Carrier("DHL"), new TrackingNumber("JD" + n), SHOP);
                orders.deliver(id, any, SHOP);
            }
            case 1 -> orders.cancel(id, any, new CancellationReason("changed mind"), SHOP);
            default -> {
            }
        }
        return orders.history(id).orElseThrow();
    }

    Map<String, List<OrderEvent>> placeOrders(int count) {
        var lives = new HashMap<String, List<OrderEvent>>();
        for (int n = 0; n < count; n++) {
            var life = lifeOf(orders, n);
            lives.put(life.getFirst().orderId().toString(), life);
        }
        return lives;
    }

    long backlog() {
        return context.getBean(OrderStorage.class).outbox().backlog().size();
    }

    /** Every record of these orders on the topic, once the outbox is empty. */
    List<ConsumerRecord<String, byte[]>> published(Map<String, List<OrderEvent>> lives)
            throws InterruptedException {
        await("the outbox is empty", Duration.ofMinutes(2), () -> backlog() == 0);
        return broker.readToEnd(TOPIC, record -> lives.containsKey(record.key()));
    }

    static Map<String, List<OrderEvent>> byOrder(List<ConsumerRecord<String, byte[]>> records) {
        var byOrder = new HashMap<String, List<OrderEvent>>();
        records.forEach(record -> byOrder.computeIfAbsent(record.key(), key -> new ArrayList<>())
                .add(WireEventsReader.event(record)));
        return byOrder;
    }

    @Test
    void every_event_arrives_once_in_per_order_order_with_cloud_events_headers() throws Exception {
        var lives = placeOrders(60);
        var records = published(lives);

        assertEquals(lives, byOrder(records));
        for (var record : records) {
            var event = WireEventsReader.event(record);
            assertEquals(event.eventId().toString(), KafkaBroker.header(record, "ce_id"));
            assertEquals(EventType.of(event).cloudEventsType(), KafkaBroker.header(record, "ce_type"));
            assertEquals(record.key(), KafkaBroker.header(record, "ce_subject"));
            assertEquals(event.occurredAt().toString(), KafkaBroker.header(record, "ce_time"));
            assertEquals("1.0", KafkaBroker.header(record, "ce_specversion"));
            assertEquals("/orderflow", KafkaBroker.header(record, "ce_source"));
            assertEquals("application/json", KafkaBroker.header(record, "content-type"));
        }
    }

    @Test
    void events_recorded_while_the_broker_is_down_arrive_once_it_is_back() throws Exception {
        var worker = context.getBean(RelayWorker.class);
        broker.stopBroker();
        Map<String, List<OrderEvent>> lives;
        try {
            lives = placeOrders(30);
            await("the relay backs off", Duration.ofMinutes(1),
                    () -> worker.status().state() == RelayWorker.State.BACKING_OFF);
            assertTrue(backlog() > 0, "events wait in the outbox");
            var health = MessagingOffTest.first(context.getBean(RelayHealthIndicator.class).getResult());
            assertEquals(HealthStatus.UP, health.getStatus(), "readiness stays up while Kafka is down");
            assertTrue(health.getDetails().toString().contains("BACKING_OFF"), health.getDetails().toString());
        } finally {
            broker.startBroker();
        }
        var records = published(lives);
        // at least once: a batch that timed out may have reached the broker; each event is there, in order
        var firstArrivals = new HashMap<String, List<OrderEvent>>();
        byOrder(records).forEach((order, events) -> firstArrivals.put(order, List.copyOf(new LinkedHashSet<>(events))));
        assertEquals(lives, firstArrivals);
        assertEquals(RelayWorker.State.RUNNING, worker.status().state());
    }

    @Nested
    class KafkaEventPublisherContract extends EventPublisherContract {

        @Override
        protected EventPublisher publisher() {
            return context.getBean(EventPublisher.class);
        }

        @Override
        protected List<OrderEvent> received(Set<OrderId> orders, int expected) {
            var keys = orders.stream().map(OrderId::toString).toList();
            return broker.read(TOPIC, record -> keys.contains(record.key()), expected).stream()
                    .map(WireEventsReader::event).toList();
        }
    }
}
