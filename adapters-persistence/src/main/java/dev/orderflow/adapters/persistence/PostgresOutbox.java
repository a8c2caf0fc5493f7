package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The outbox in the {@code outbox} table ({@link OutboxRows}). */
final class PostgresOutbox implements Outbox {

    private final Sql sql;
    private final OutboxRows rows;
    private final EventJson events;
    private final OutboxTraceContext traceContext;

    PostgresOutbox(Sql sql, OutboxRows rows, EventJson events, OutboxTraceContext traceContext) {
        this.sql = sql;
        this.rows = rows;
        this.events = events;
        this.traceContext = traceContext;
    }

    @Override
    public void append(List<OrderEvent> appended) {
        if (appended.isEmpty()) {
            return;
        }
        var context = traceContext.current();
        var written = events.rows(appended);
        sql.run("append to the outbox", () -> {
            switch (written) {
                case EventJson.Rows.One one -> rows.appendOne(context, one.orderId(), one.version(), one.eventType(),
                        one.occurredAt(), one.payload());
                case EventJson.Rows.Many many -> rows.append(context, many.json());
            }
        });
    }

    /**
     * One transaction: holds up to half of the shards, the free ones from the oldest entry's on (so that a
     * second relay finds the other half), reads the oldest entries of one shard after the other until it has
     * {@code max}, publishes them and marks published what the publisher says. A relay that dies or hangs past
     * {@code hold} loses its session, its transaction rolls back and its shards are free.
     */
    @Override
    public int relay(int max, Duration hold, Publishing publishing) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return sql.inTransaction(() -> {
            var shards = sql.call("hold outbox shards", () -> rows.holdShards(OutboxRows.SHARDS / 2));
            var read = new ArrayList<OutboxClaim>();
            for (var shard : shards) {
                if (read.size() == max) {
                    break;
                }
                read.addAll(sql.call("read outbox entries", () -> rows.oldestOf(shard, max - read.size())));
            }
            if (read.isEmpty()) {
                return 0;
            }
            var batch = read.stream().sorted(Comparator.comparingLong(OutboxClaim::sequence)).map(this::entry).toList();
            sql.run("limit how long the relay holds its batch", () -> rows.endIfIdleFor(hold.toMillis() + "ms"));
            var published = publishing.publish(batch);
            if (!published.sequences().isEmpty()) {
                sql.run("mark outbox entries published",
                        () -> rows.markPublished(published.at(), array(published.sequences())));
            }
            return batch.size();
        });
    }

    /** The entry in its stored form: the relay passes the JSON on and decodes nothing. */
    private OutboxEntry entry(OutboxClaim row) {
        var orderId = new OrderId(row.orderId());
        return OutboxEntry.stored(row.sequence(), orderId,
                new OutboxEntry.Stored(row.version(), row.eventType(), row.occurredAt(), row.payload()),
                stored -> events.read(row.orderId(), stored.version(), stored.type(), stored.serialized()),
                traceContext.read(row.traceContext()));
    }

    @Override
    public int deletePublishedBefore(Instant before) {
        return sql.bulk("delete published outbox entries", () -> rows.deleteByPublishedAtLessThan(before));
    }

    @Override
    public Backlog backlog() {
        return sql.call("measure the outbox backlog", () -> new Backlog(rows.countByPublishedAtIsNull(),
                rows.findFirstByPublishedAtIsNullOrderBySequence().map(OutboxRow::occurredAt)));
    }

    private static long[] array(Collection<Long> sequences) {
        return sequences.stream().mapToLong(Long::longValue).toArray();
    }
}
