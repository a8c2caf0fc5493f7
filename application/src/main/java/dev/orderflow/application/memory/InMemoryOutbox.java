package dev.orderflow.application.memory;

import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

final class InMemoryOutbox implements Outbox {

    /** An outbox row: the entry and its publication state. */
    private static final class Row {
        final OutboxEntry entry;
        Instant publishedAt;

        Row(OutboxEntry entry) {
            this.entry = entry;
        }
    }

    private final Store store;
    private final TreeMap<Long, Row> bySequence = new TreeMap<>();
    /** The orders of the batches that relays hold now. */
    private final Set<OrderId> held = new HashSet<>();
    private long lastSequence;

    InMemoryOutbox(Store store) {
        this.store = store;
    }

    @Override
    public void append(List<OrderEvent> events) {
        store.locked(() -> {
            var added = new ArrayList<Long>();
            for (var event : events) {
                long sequence = ++lastSequence;
                bySequence.put(sequence, new Row(new OutboxEntry(sequence, event)));
                added.add(sequence);
            }
            store.onRollback(() -> added.forEach(bySequence::remove));
            return null;
        });
    }

    @Override
    public int relay(int max, Duration hold, Publishing publishing) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        var batch = store.locked(() -> take(max));
        if (batch.isEmpty()) {
            return 0;
        }
        var orders = batch.stream().map(entry -> entry.event().orderId()).toList();
        try {
            var published = publishing.publish(batch);
            store.locked(() -> {
                markPublished(published);
                return null;
            });
        } finally {
            store.locked(() -> held.removeAll(orders));
        }
        return batch.size();
    }

    /** The oldest unpublished entries of orders no other relay holds, up to {@code max}; holds their orders. */
    private List<OutboxEntry> take(int max) {
        var batch = new ArrayList<OutboxEntry>();
        for (var row : bySequence.values()) {
            if (batch.size() == max) {
                break;
            }
            if (row.publishedAt == null && !held.contains(row.entry.event().orderId())) {
                batch.add(row.entry);
            }
        }
        batch.forEach(entry -> held.add(entry.event().orderId()));
        return batch;
    }

    private void markPublished(Published published) {
        for (var sequence : published.sequences()) {
            var row = bySequence.get(sequence);
            if (row != null && row.publishedAt == null) {
                row.publishedAt = published.at();
                store.onRollback(() -> row.publishedAt = null);
            }
        }
    }

    @Override
    public int deletePublishedBefore(Instant before) {
        return store.locked(() -> {
            var deleted = new ArrayList<Row>();
            bySequence.values().removeIf(row -> {
                boolean old = row.publishedAt != null && row.publishedAt.isBefore(before);
                if (old) {
                    deleted.add(row);
                }
                return old;
            });
            store.onRollback(() -> deleted.forEach(row -> bySequence.put(row.entry.sequence(), row)));
            return deleted.size();
        });
    }

    @Override
    public Backlog backlog() {
        return store.locked(() -> {
            long size = 0;
            Optional<Instant> oldest = Optional.empty();
            for (var row : bySequence.values()) {
                if (row.publishedAt == null) {
                    size++;
                    if (oldest.isEmpty()) {
                        oldest = Optional.of(row.entry.event().occurredAt());
                    }
                }
            }
            return new Backlog(size, oldest);
        });
    }
}
