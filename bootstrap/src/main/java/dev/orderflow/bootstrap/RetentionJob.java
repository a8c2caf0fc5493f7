package dev.orderflow.bootstrap;

import dev.orderflow.application.Retention;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link Retention} on a schedule and logs what it deleted. */
@Singleton
final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(initialDelay = "${orderflow.retention.interval}", fixedDelay = "${orderflow.retention.interval}")
    void run() {
        var purged = retention.purge();
        LOG.info("retention: deleted {} expired idempotency keys, {} published outbox entries, {} inbox receipts",
                purged.idempotencyKeys(), purged.outboxEntries(), purged.inboxReceipts());
    }
}
