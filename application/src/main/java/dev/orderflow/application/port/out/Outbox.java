package dev.orderflow.application.port.out;

import dev.orderflow.domain.OrderEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Events recorded for publication in the same transaction as the change that caused them, and handed to
 * publishers in batches. Safe with many publishers at once, in one process or many.
 */
public interface Outbox {

    /** Records events for publication, in the caller's transaction when there is one. */
    void append(List<OrderEvent> events);

    /**
     * Hands up to {@code max} unpublished entries to {@code publishing} and marks published those it returns.
     * <p>
     * The batch holds, of each order in it, its oldest unpublished entries, in ascending sequence order. While
     * {@code publishing} runs, no other call (in this process or another) is handed an entry of an order in the
     * batch. The entries it does not return stay unpublished and are handed out again by the next call, and so
     * are all of them when it throws; this method then throws what it threw. Nothing is called when no entry
     * waits or every waiting order is held by another call.
     * <p>
     * A storage that outlives its callers (a database) hands a batch out again once {@code hold} has passed
     * without an answer from the caller that holds it (a process that hangs or lost its connection); in memory,
     * a batch is held until {@code publishing} returns.
     *
     * @return how many entries were handed to {@code publishing}; 0 when it was not called
     */
    int relay(int max, Duration hold, Publishing publishing);

    /** Deletes entries published before {@code before}; never an unpublished one. Returns how many. */
    int deletePublishedBefore(Instant before);

    /** How many entries wait to be published, and since when the oldest of them waits. */
    Backlog backlog();

    /** Publishes a batch handed out by {@link #relay}. */
    @FunctionalInterface
    interface Publishing {

        /** Publishes the batch (not empty), returning which of its entries to mark published, and when. */
        Published publish(List<OutboxEntry> batch);
    }

    /** The entries (by sequence) that a {@link Publishing} published, and when. */
    record Published(Collection<Long> sequences, Instant at) {

        /** Refuses missing parts. */
        public Published {
            sequences = List.copyOf(sequences);
            Objects.requireNonNull(at, "at");
        }
    }

    /** The unpublished entries: their count and the time the oldest was recorded. */
    record Backlog(long size, Optional<Instant> oldestRecordedAt) {
    }
}
