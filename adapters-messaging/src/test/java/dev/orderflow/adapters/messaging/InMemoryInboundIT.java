package dev.orderflow.adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.in.DeadLetterReplay;
import dev.orderflow.domain.OrderStatus;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbound scenarios on in-memory storage, whose inbox can fail as a database that is down would. */
class InMemoryInboundIT extends InboundScenarios {

    @Override
    Map<String, Object> storage() {
        return TestServices.Storage.MEMORY.properties();
    }

    @Test
    void a_message_failing_every_attempt_is_dead_lettered_and_a_replay_applies_it() throws Exception {
        var outage = server.getApplicationContext().getBean(TestServices.Outage.class);
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

        // the other scenarios' poison records are in the same dead-letter topic
        var replayed = assertInstanceOf(DeadLetterReplay.Result.Replayed.class, replay().replay(PAYMENTS));
        assertEquals("payments.v1.dlq", replayed.deadLetterTopic());
        assertTrue(replayed.count() >= 1, replayed::toString);
        awaitStatus(order, OrderStatus.CONFIRMED);
    }
}
