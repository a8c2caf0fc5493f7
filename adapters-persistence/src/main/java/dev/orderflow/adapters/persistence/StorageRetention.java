package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is no longer needed, every {@code orderflow.retention.interval}: outbox entries published
 * longer ago than {@code orderflow.retention.outbox}, expired idempotency keys, and inbox receipts older
 * than {@code orderflow.retention.inbox}. Every instance may run it; the deletes are idempotent.
 */
@Singleton
@Requires(property = PostgresStorage.STORAGE, notEquals = PostgresStorage.MEMORY)
@Requires(property = "orderflow.retention.enabled", notEquals = "false")
final class StorageRetention {

    private static final Logger LOG = LoggerFactory.getLogger(StorageRetention.class);

    private final OrderStorage storage;
    private final Duration outboxRetention;
    private final Duration inboxRetention;

    StorageRetention(OrderStorage storage, @Value("${orderflow.retention.outbox:7d}") Duration outboxRetention,
                     @Value("${orderflow.retention.inbox:14d}") Duration inboxRetention) {
        this.storage = storage;
        this.outboxRetention = outboxRetention;
        this.inboxRetention = inboxRetention;
    }

    @Scheduled(initialDelay = "${orderflow.retention.initial-delay:1m}",
            fixedDelay = "${orderflow.retention.interval:1h}")
    public void deleteExpired() {
        var now = Instant.now();
        int outbox = storage.outbox().deletePublishedBefore(now.minus(outboxRetention));
        int keys = storage.idempotencyKeys().deleteExpired(now);
        int inbox = storage.inbox().deleteReceivedBefore(now.minus(inboxRetention));
        LOG.info("Retention deleted {} published outbox entries, {} expired idempotency keys, {} inbox receipts",
                outbox, keys, inbox);
    }
}
