package dev.orderflow.adapters.messaging;

import dev.orderflow.adapters.persistence.TestDatabase;
import dev.orderflow.application.OrderService;
import dev.orderflow.application.OutboxRelay;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.application.UpstreamEventService;
import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.in.UpstreamEvents;
import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.Inbox;
import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The beans the bootstrap module provides in the service: the clock, the order service, the inbound handler
 * and the outbox relay on the storage of the test, which is PostgreSQL (from the persistence adapter) or,
 * with {@code orderflow.storage=memory}, the heap, whose inbox can then be switched off to stand for a
 * database outage.
 */
@Factory
final class TestServices {

    /** Whether the in-memory inbox fails, as it would while the database is down. */
    static final class Outage {
        final AtomicBoolean down = new AtomicBoolean();
    }

    /** Where a test's service keeps its data. */
    enum Storage {
        MEMORY, POSTGRES;

        /** The properties selecting this storage; for PostgreSQL a fresh, migrated database. */
        Map<String, Object> properties() {
            return switch (this) {
                case MEMORY -> Map.of("orderflow.storage", "memory");
                case POSTGRES -> {
                    var properties = new HashMap<>(TestDatabase.migrated().properties());
                    properties.put("orderflow.retention.enabled", false);
                    yield properties;
                }
            };
        }
    }

    /** A service with Kafka at the shared test broker, on the given storage, with an HTTP server. */
    static EmbeddedServer start(Map<String, Object> storage, Map<String, Object> extra) throws Exception {
        var properties = new HashMap<String, Object>(storage);
        properties.put("kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers());
        properties.put("kafka.health.enabled", false);
        // a send to a stopped broker gives up after 4 s instead of 30 s
        properties.put("kafka.delivery.timeout.ms", 4000);
        properties.put("kafka.request.timeout.ms", 2000);
        properties.put("micronaut.server.port", -1);
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @Singleton
    Outage outage() {
        return new Outage();
    }

    @Singleton
    @Requires(property = "orderflow.storage", value = "memory")
    OrderStorage storage(Outage outage) {
        var storage = InMemoryStorage.create();
        var inbox = storage.inbox();
        Inbox failing = new Inbox() {
            @Override
            public Receipt receive(String consumer, String messageId, Instant at) {
                if (outage.down.get()) {
                    throw new IllegalStateException("database unavailable");
                }
                return inbox.receive(consumer, messageId, at);
            }

            @Override
            public void recordOutcome(String consumer, String messageId, String outcome) {
                inbox.recordOutcome(consumer, messageId, outcome);
            }

            @Override
            public int deleteReceivedBefore(Instant before) {
                return inbox.deleteReceivedBefore(before);
            }
        };
        return new OrderStorage(storage.orders(), storage.eventLog(), storage.outbox(), storage.idempotencyKeys(),
                failing, storage.transactions());
    }

    /** Primary over the clock Micronaut itself provides, as in the bootstrap. */
    @Singleton
    @Primary
    InstantSource clock() {
        return InstantSource.system();
    }

    @Singleton
    OrderService orders(OrderStorage storage, InstantSource clock) {
        return new OrderService(storage, clock, new TimeOrderedIds(clock));
    }

    @Singleton
    UpstreamEvents upstreamEvents(OrderStorage storage, OrderService orders, InstantSource clock) {
        return new UpstreamEventService(storage.inbox(), storage.transactions(), orders, clock);
    }

    @Singleton
    @Requires(beans = EventPublisher.class)
    OutboxRelay outboxRelay(OrderStorage storage, EventPublisher publisher, InstantSource clock,
                            OutboxRelay.Settings settings) {
        return new OutboxRelay(storage.outbox(), publisher, clock, settings);
    }
}
