package dev.orderflow.adapters.messaging;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.out.Inbox;
import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The beans the bootstrap module provides in the service, here on in-memory storage whose inbox can be
 * switched off to stand for a database outage.
 */
@Factory
@Requires(property = "test.storage", value = "memory")
final class InMemoryServices {

    /** Whether the inbox fails, as it would while the database is down. */
    static final class Outage {
        final AtomicBoolean down = new AtomicBoolean();
    }

    @Singleton
    Outage outage() {
        return new Outage();
    }

    @Singleton
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

    @Singleton
    OrderService orders(OrderStorage storage) {
        return new OrderService(storage, InstantSource.system(), new TimeOrderedIds(InstantSource.system()));
    }
}
