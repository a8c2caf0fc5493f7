package dev.orderflow.adapters.persistence;

import static dev.orderflow.application.contract.ContractFixtures.event;
import static dev.orderflow.application.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.out.Inbox.Receipt;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retention job, scheduled by Micronaut, against a real database. */
class StorageRetentionIT {

    @Test
    void the_scheduled_job_deletes_old_published_entries_expired_keys_and_old_receipts_only() throws Exception {
        try (var running = new TestStorage(Map.of("orderflow.retention.enabled", true,
                "orderflow.retention.initial-delay", "1h")).start()) {
            var storage = running.storage();
            var now = Instant.now();
            var longAgo = now.minus(Duration.ofDays(30));
            storage.outbox().append(List.of(event(newId(), 1), event(newId(), 1)));
            var claimed = storage.outbox().claim(10, now, Duration.ofMinutes(1));
            storage.outbox().markPublished(List.of(claimed.get(0).sequence()), longAgo);
            var expired = new IdempotencyKey("expired");
            storage.idempotencyKeys().claim(expired, "fp", longAgo, longAgo, longAgo.plusSeconds(1));
            storage.inbox().receive("payments", "old", longAgo);
            storage.inbox().receive("payments", "recent", now);

            running.context().getBean(StorageRetention.class).deleteExpired();

            assertEquals(1, storage.outbox().backlog().size(), "the unpublished entry stays");
            assertEquals(0, storage.outbox().deletePublishedBefore(now), "the old published entry is gone");
            assertEquals(new Claim.Acquired(), storage.idempotencyKeys().claim(expired, "fp2", now, now, now.plusSeconds(1)));
            assertEquals(0, storage.idempotencyKeys().deleteExpired(now));
            assertEquals(Receipt.NEW, storage.inbox().receive("payments", "old", now));
            assertEquals(Receipt.DUPLICATE, storage.inbox().receive("payments", "recent", now));
        }
    }
}
