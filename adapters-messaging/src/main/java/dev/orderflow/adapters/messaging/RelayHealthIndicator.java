package dev.orderflow.adapters.messaging;

import io.micronaut.configuration.kafka.health.KafkaHealthIndicator;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * The relay's state as a health detail, in place of Micronaut Kafka's broker check. Always UP: while Kafka
 * is unreachable, or not configured at all, the outbox keeps the events and the service keeps taking
 * orders, so readiness must not drop.
 */
@Singleton
@Replaces(KafkaHealthIndicator.class)
final class RelayHealthIndicator implements HealthIndicator {

    private final Optional<RelayWorker> worker;

    RelayHealthIndicator(Optional<RelayWorker> worker) {
        this.worker = worker;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        var details = new LinkedHashMap<String, Object>();
        worker.ifPresentOrElse(relay -> {
            var status = relay.status();
            details.put("state", status.state().name());
            status.lastFailure().ifPresent(failure -> details.put("lastFailure", failure));
            status.lastFailureAt().ifPresent(at -> details.put("lastFailureAt", at.toString()));
        }, () -> details.put("state", "NOT_CONFIGURED: events are not published (KAFKA_BOOTSTRAP_SERVERS is not set)"));
        return Publishers.just(HealthResult.builder("outboxRelay", HealthStatus.UP).details(details).build());
    }
}
