package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
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
     * One transaction: takes the outbox's lock unless another relay has it, reads the oldest {@code max}
     * entries, publishes them and marks published what the publisher says. A relay that dies or hangs past
     * {@code hold} loses its session, its transaction rolls back and the lock is free.
     */
    @Override
    public int relay(int max, Duration hold, Publishing publishing) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return sql.inTransaction(() -> {
            if (!sql.call("take the outbox's lock", () -> rows.holdOutbox(hold.toMillis() + "ms"))) {
                return 0;
            }
            var batch = sql.call("read outbox entries", () -> rows.oldest(max)).stream().map(this::entry).toList();
            if (batch.isEmpty()) {
                return 0;
            }
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
