package dev.orderflow.bootstrap;

import dev.orderflow.application.Retention;
import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Retention} on a schedule and logs what it deleted; while the database is unavailable, one WARN line
 * without a stack trace, and the next run tries again.
 */
@Singleton
final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(initialDelay = "${orderflow.retention.interval}", fixedDelay = "${orderflow.retention.interval}")
    void run() {
        Retention.Purged purged;
        try {
            purged = retention.purge();
        } catch (StorageUnavailableException e) {
            LOG.warn("retention: database unavailable, nothing deleted until the next run: {}", e.getMessage());
            return;
        }
        LOG.info("retention: deleted {} expired idempotency keys, {} published outbox entries, {} inbox receipts",
                purged.idempotencyKeys(), purged.outboxEntries(), purged.inboxReceipts());
    }
}
