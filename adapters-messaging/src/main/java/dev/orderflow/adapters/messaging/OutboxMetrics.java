package dev.orderflow.adapters.messaging;

import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Gauges of the outbox: how many entries wait to be published and how long the oldest has waited. They
 * count for all instances together, since the outbox is shared, and exist whether or not Kafka is
 * configured (without it the backlog only grows). One storage query a second at most, however often they
 * are read.
 */
@Singleton
@Requires(beans = {OrderStorage.class, InstantSource.class, MeterRegistry.class})
final class OutboxMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final Outbox outbox;
    private final InstantSource clock;
    private Outbox.Backlog backlog;
    private Instant readAt = Instant.MIN;

    OutboxMetrics(OrderStorage storage, InstantSource clock) {
        this.outbox = storage.outbox();
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("orderflow.outbox.backlog", this, metrics -> metrics.backlog().size())
                .description("Outbox entries not yet published").baseUnit("entries").register(registry);
        Gauge.builder("orderflow.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest unpublished outbox entry has waited").baseUnit("seconds")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        return backlog().oldestRecordedAt()
                .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    private synchronized Outbox.Backlog backlog() {
        var now = clock.instant();
        if (backlog == null || readAt.plus(FRESH_FOR).isBefore(now)) {
            backlog = outbox.backlog();
            readAt = now;
        }
        return backlog;
    }
}
