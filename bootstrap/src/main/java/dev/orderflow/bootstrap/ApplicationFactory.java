package dev.orderflow.bootstrap;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.OutboxRelay;
import dev.orderflow.application.Retention;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.application.UpstreamEventService;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.in.OrderQueries;
import dev.orderflow.application.port.in.UpstreamEvents;
import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.OrderIdSource;
import dev.orderflow.application.port.out.OrderStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Assembles the plain-Java application layer, every object of it in this one place: the order service,
 * the inbound event handler, retention and, when an adapter publishes events, the outbox relay, on the
 * ports of whatever {@link OrderStorage} the run mode provides, with the clock, time-ordered ids and the
 * settings from configuration. Commands go through a decorator that counts their outcomes; queries go to
 * the service directly.
 */
@Factory
final class ApplicationFactory {

    /**
     * The system clock. Every part of the service takes its time from this bean; a storage that keeps
     * times less precisely cuts it to its precision (the PostgreSQL adapter: to microseconds).
     */
    @Singleton
    @Primary
    InstantSource clock() {
        return Clock.systemUTC();
    }

    @Singleton
    OrderIdSource ids(InstantSource clock) {
        return new TimeOrderedIds(clock);
    }

    @Singleton
    OrderService.Settings settings(@Value("${orderflow.max-attempts}") int maxAttempts,
                                   @Value("${orderflow.idempotency-key-ttl}") Duration idempotencyKeyTtl,
                                   @Value("${orderflow.abandoned-claim-after}") Duration abandonedClaimAfter) {
        return new OrderService.Settings(maxAttempts, idempotencyKeyTtl, abandonedClaimAfter);
    }

    /**
     * Created with the context, and with it the storage: the database is started, reached and migrated
     * (or in-memory mode announced) before the server takes requests, and a failure stops the start.
     * Not an {@link OrderCommands} bean: commands are counted on their way in.
     */
    @Context
    @Bean(typed = {OrderService.class, OrderQueries.class})
    OrderService orderService(OrderStorage storage, InstantSource clock, OrderIdSource ids,
                              OrderService.Settings settings) {
        return new OrderService(storage, clock, ids, settings);
    }

    /** Messages of neighbouring systems, handled through the counted commands. */
    @Singleton
    UpstreamEvents upstreamEvents(OrderStorage storage, OrderCommands commands, InstantSource clock) {
        return new UpstreamEventService(storage.inbox(), storage.transactions(), commands, clock);
    }

    /** The relay from the outbox to the publisher of the messaging adapter, when it has one. */
    @Singleton
    @Requires(beans = EventPublisher.class)
    OutboxRelay outboxRelay(OrderStorage storage, EventPublisher publisher, InstantSource clock,
                            OutboxRelay.Settings settings) {
        return new OutboxRelay(storage.outbox(), publisher, clock, settings);
    }

    @Singleton
    Retention retention(OrderStorage storage, InstantSource clock,
                        @Value("${orderflow.retention.outbox-published}") Duration keepPublishedOutbox,
                        @Value("${orderflow.retention.inbox}") Duration keepInboxReceipts) {
        return new Retention(storage.idempotencyKeys(), storage.outbox(), storage.inbox(), storage.transactions(),
                clock, new Retention.Settings(keepPublishedOutbox, keepInboxReceipts));
    }

    /** Created with the context, so that /prometheus lists every counter from the start, at zero. */
    @Context
    OrderMetrics orderMetrics(MeterRegistry registry) {
        return new OrderMetrics(registry);
    }

    @Singleton
    OrderCommands orderCommands(OrderService service, OrderMetrics metrics) {
        return new CountingOrderCommands(service, metrics);
    }
}
