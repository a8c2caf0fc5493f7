package dev.orderflow.application;

import dev.orderflow.application.port.out.IdempotencyKeys;
import dev.orderflow.application.port.out.Inbox;
import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.Transactions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Forgets what is no longer needed: expired idempotency keys, outbox entries published long ago and old
 * inbox receipts. Every instance of the service may purge; the deletes are idempotent.
 */
public final class Retention {

    private final IdempotencyKeys keys;
    private final Outbox outbox;
    private final Inbox inbox;
    private final Transactions transactions;
    private final InstantSource clock;
    private final Settings settings;

    /** How long published outbox entries and inbox receipts are kept. */
    public record Settings(Duration keepPublishedOutbox, Duration keepInboxReceipts) {

        /** Refuses negative durations. */
        public Settings {
            if (keepPublishedOutbox.isNegative() || keepInboxReceipts.isNegative()) {
                throw new IllegalArgumentException("retention periods must not be negative");
            }
        }
    }

    /** How much one purge deleted. */
    public record Purged(int idempotencyKeys, int outboxEntries, int inboxReceipts) {
    }

    /** A retention over the ports it deletes from, all of one storage. */
    public Retention(IdempotencyKeys keys, Outbox outbox, Inbox inbox, Transactions transactions,
                     InstantSource clock, Settings settings) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Deletes, each kind in a transaction of its own, what is past its time now. */
    public Purged purge() {
        var now = clock.instant();
        int expiredKeys = transactions.inTransaction(() -> keys.deleteExpired(now));
        int published = transactions.inTransaction(
                () -> outbox.deletePublishedBefore(now.minus(settings.keepPublishedOutbox())));
        int receipts = transactions.inTransaction(
                () -> inbox.deleteReceivedBefore(now.minus(settings.keepInboxReceipts())));
        return new Purged(expiredKeys, published, receipts);
    }
}
