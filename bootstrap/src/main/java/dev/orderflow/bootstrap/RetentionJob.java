package dev.orderflow.bootstrap;

import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is no longer needed: expired idempotency keys, outbox entries published long ago and old
 * inbox receipts. Every instance may run it; the deletes are idempotent.
 */
@Singleton
final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final OrderStorage storage;
    private final InstantSource clock;
    private final Duration keepPublishedOutbox;
    private final Duration keepInboxReceipts;

    RetentionJob(OrderStorage storage, InstantSource clock,
                 @Value("${orderflow.retention.outbox-published}") Duration keepPublishedOutbox,
                 @Value("${orderflow.retention.inbox}") Duration keepInboxReceipts) {
        this.storage = storage;
        this.clock = clock;
        this.keepPublishedOutbox = keepPublishedOutbox;
        this.keepInboxReceipts = keepInboxReceipts;
    }

    @Scheduled(initialDelay = "${orderflow.retention.interval}", fixedDelay = "${orderflow.retention.interval}")
    void run() {
        var now = clock.instant();
        var tx = storage.transactions();
        int keys = tx.inTransaction(() -> storage.idempotencyKeys().deleteExpired(now));
        int outbox = tx.inTransaction(() -> storage.outbox().deletePublishedBefore(now.minus(keepPublishedOutbox)));
        int inbox = tx.inTransaction(() -> storage.inbox().deleteReceivedBefore(now.minus(keepInboxReceipts)));
        LOG.info("retention: deleted {} expired idempotency keys, {} published outbox entries, {} inbox receipts",
                keys, outbox, inbox);
    }
}
