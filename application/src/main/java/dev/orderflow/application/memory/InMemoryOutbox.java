package dev.orderflow.application.memory;

import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

final class InMemoryOutbox implements Outbox {

    /** An outbox row: the entry and its publication state. */
    private static final class Row {
        final OutboxEntry entry;
        Instant leasedUntil;
        Instant publishedAt;

        Row(OutboxEntry entry) {
            this.entry = entry;
        }
    }

    private final Store store;
    private final TreeMap<Long, Row> bySequence = new TreeMap<>();
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
    public List<OutboxEntry> claim(int max, Instant now, Duration lease) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return store.locked(() -> {
            var claimed = new ArrayList<Row>();
            var blocked = new HashSet<OrderId>();
            for (var row : bySequence.values()) {
                if (claimed.size() == max) {
                    break;
                }
                if (row.publishedAt != null) {
                    continue;
                }
                var order = row.entry.event().orderId();
                boolean leased = row.leasedUntil != null && row.leasedUntil.isAfter(now);
                if (leased || blocked.contains(order)) {
                    blocked.add(order);
                    continue;
                }
                claimed.add(row);
            }
            var until = now.plus(lease);
            for (var row : claimed) {
                var before = row.leasedUntil;
                row.leasedUntil = until;
                store.onRollback(() -> row.leasedUntil = before);
            }
            return claimed.stream().map(row -> row.entry).toList();
        });
    }

    @Override
    public void markPublished(Collection<Long> sequences, Instant at) {
        store.locked(() -> {
            for (var sequence : sequences) {
                var row = bySequence.get(sequence);
                if (row != null && row.publishedAt == null) {
                    row.publishedAt = at;
                    store.onRollback(() -> row.publishedAt = null);
                }
            }
            return null;
        });
    }

    @Override
    public void release(Collection<Long> sequences) {
        store.locked(() -> {
            for (var sequence : sequences) {
                var row = bySequence.get(sequence);
                if (row != null) {
                    var before = row.leasedUntil;
                    row.leasedUntil = null;
                    store.onRollback(() -> row.leasedUntil = before);
                }
            }
            return null;
        });
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
