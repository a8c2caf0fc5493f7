package dev.orderflow.application.port.out;

import dev.orderflow.domain.OrderEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Events recorded for publication in the same transaction as the change that caused them, and handed to
 * publishers in batches. Safe with many publishers at once, in one process or many.
 */
public interface Outbox {

    /** Records events for publication, in the caller's transaction when there is one. */
    void append(List<OrderEvent> events);

    /**
     * Claims up to {@code max} unpublished entries for {@code lease}: no other claim returns them until the
     * lease ends, they are marked published or released. An entry is only claimed together with, or after,
     * every earlier unpublished entry of the same order, so publishing claims in sequence order keeps each
     * order's events in order. Entries come in ascending sequence order.
     */
    List<OutboxEntry> claim(int max, Instant now, Duration lease);

    /** Marks claimed entries published; they are never claimed again. */
    void markPublished(Collection<Long> sequences, Instant at);

    /** Ends the claim on entries that could not be published so that they are claimed again at once. */
    void release(Collection<Long> sequences);

    /** Deletes entries published before {@code before}; never an unpublished one. Returns how many. */
    int deletePublishedBefore(Instant before);

    /** How many entries wait to be published, and since when the oldest of them waits. */
    Backlog backlog();

    /** The unpublished entries: their count and the time the oldest was recorded. */
    record Backlog(long size, Optional<Instant> oldestRecordedAt) {
    }
}
