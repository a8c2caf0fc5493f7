package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import org.reactivestreams.Publisher;

/**
 * The relay's state as a health detail. Always UP: while Kafka is unreachable the outbox keeps the events
 * and the service keeps taking orders, so readiness must not drop.
 */
@Singleton
@Requires(property = KAFKA_SERVERS)
final class RelayHealthIndicator implements HealthIndicator {

    private final RelayWorker worker;

    RelayHealthIndicator(RelayWorker worker) {
        this.worker = worker;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        var status = worker.status();
        var details = new LinkedHashMap<String, Object>();
        details.put("state", status.state().name());
        status.lastFailure().ifPresent(failure -> details.put("lastFailure", failure));
        status.lastFailureAt().ifPresent(at -> details.put("lastFailureAt", at.toString()));
        return Publishers.just(HealthResult.builder("outboxRelay", HealthStatus.UP).details(details).build());
    }
}
