package dev.orderflow.adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.in.DeadLetterReplay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.health.KafkaHealthIndicator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Without {@code kafka.bootstrap.servers} nothing of Kafka is created; health and the backlog gauge say that
 * events wait in the outbox.
 */
class MessagingOffTest {

    @Test
    void without_kafka_servers_no_relay_consumer_or_broker_check_exists_and_health_stays_up() {
        try (var context = ApplicationContext.run(Map.of("orderflow.storage", "memory"))) {
            assertFalse(context.containsBean(RelayWorker.class));
            assertFalse(context.containsBean(UpstreamListeners.Payments.class));
            assertFalse(context.containsBean(UpstreamListeners.Shipping.class));
            assertFalse(context.containsBean(KafkaClients.class));
            assertFalse(context.containsBean(KafkaHealthIndicator.class));
            assertTrue(context.containsBean(EventsNotPublishedNotice.class));
            assertInstanceOf(DeadLetterReplay.Result.Unavailable.class,
                    context.getBean(DeadLetterReplay.class).replay("payments.v1"));

            var backlog = context.getBean(MeterRegistry.class).find("orderflow.outbox.backlog").gauge();
            assertEquals(0.0, backlog.value(), "the backlog gauge exists without Kafka");

            var health = first(context.getBean(RelayHealthIndicator.class).getResult());
            assertEquals(HealthStatus.UP, health.getStatus());
            assertTrue(String.valueOf(health.getDetails()).contains("NOT_CONFIGURED"), health.getDetails().toString());
        }
    }

    static HealthResult first(Publisher<HealthResult> publisher) {
        var results = new ArrayList<HealthResult>();
        publisher.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(HealthResult result) {
                results.add(result);
            }

            @Override
            public void onError(Throwable failure) {
                throw new AssertionError(failure);
            }

            @Override
            public void onComplete() {
            }
        });
        return List.copyOf(results).getFirst();
    }
}
