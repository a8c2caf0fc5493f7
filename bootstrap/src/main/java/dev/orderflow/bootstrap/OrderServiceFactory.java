package dev.orderflow.bootstrap;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.in.OrderQueries;
import dev.orderflow.application.port.out.OrderIdSource;
import dev.orderflow.application.port.out.OrderStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Assembles the plain-Java application layer: the order service on whatever {@link OrderStorage} the run
 * mode provides, the clock, time-ordered ids and the settings from configuration. Commands go through
 * a decorator that counts their outcomes; queries go to the service directly.
 */
@Factory
final class OrderServiceFactory {

    /**
     * The system clock in whole microseconds, PostgreSQL's precision: the times in an answer equal those that
     * the stored order reads back with. Every part of the service takes its time from this bean.
     */
    @Singleton
    @Primary
    InstantSource clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
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
