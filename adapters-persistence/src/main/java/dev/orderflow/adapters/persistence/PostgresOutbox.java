package dev.orderflow.adapters.persistence;

import static dev.orderflow.adapters.persistence.Sql.setInstant;

import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in the {@code outbox} table. Claims lock candidate rows with {@code FOR UPDATE SKIP LOCKED},
 * so concurrent claimers in any number of processes never wait for each other nor take the same entry.
 */
final class PostgresOutbox implements Outbox {

    private static final String INSERT = "INSERT INTO outbox (" + OutboxTraceContext.COLUMN + ", "
            + EventJson.COLUMNS + ") VALUES (?::jsonb, " + EventJson.PLACEHOLDERS + ")";

    /*
     * One statement. `candidate` locks up to `max` unpublished, unleased entries in sequence order, skipping
     * rows another claimer holds. The UPDATE then leases those whose every earlier unpublished entry of the
     * same order is in this claim too (their counts match): an entry behind one that is leased, or that
     * another claimer is locking at this moment, waits for a later claim. The count is a scalar subquery, an
     * index probe per row (an EXISTS would be planned as an anti-join over the whole backlog), and sits
     * outside the locking scan: a subquery there is re-run for every row a concurrent claimer changed, which
     * made one claim of two racing relays run for minutes.
     */
    private static final String CLAIM = """
            WITH candidate AS (
                SELECT o.sequence, o.order_id
                FROM outbox o
                WHERE o.published_at IS NULL
                  AND (o.leased_until IS NULL OR o.leased_until <= ?)
                ORDER BY o.sequence
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            ), ranked AS (
                SELECT sequence, order_id,
                       row_number() OVER (PARTITION BY order_id ORDER BY sequence) - 1 AS earlier_in_claim
                FROM candidate
            )
            UPDATE outbox o SET leased_until = ?
            FROM ranked r
            WHERE o.sequence = r.sequence
              AND r.earlier_in_claim = (SELECT count(*) FROM outbox e
                                        WHERE e.order_id = r.order_id AND e.published_at IS NULL
                                          AND e.sequence < r.sequence)
            RETURNING o.sequence, o.order_id, o.version, o.event_type, o.occurred_at, o.payload, o.trace_context
            """;
    /*
     * Marking and releasing find their rows by primary key. Neither statement may test `published_at IS NULL`
     * in its WHERE clause: that makes the partial indexes candidates, and with statistics taken before a
     * burst of inserts the generic plan walked all of outbox_unpublished_by_order for each call (25 ms per
     * 500 entries on a 200 000 entry backlog, 600 ms with older statistics). An entry marked twice keeps its
     * first publication time; a published entry holds no lease, so releasing it changes nothing.
     */
    private static final String MARK_PUBLISHED = "UPDATE outbox SET published_at = coalesce(published_at, ?), "
            + "leased_until = NULL WHERE sequence = ANY (?)";
    private static final String RELEASE =
            "UPDATE outbox SET leased_until = NULL WHERE sequence = ANY (?) AND leased_until IS NOT NULL";
    private static final String DELETE_PUBLISHED = "DELETE FROM outbox WHERE published_at < ?";
    private static final String BACKLOG = "SELECT count(*) AS size, (SELECT occurred_at FROM outbox "
            + "WHERE published_at IS NULL ORDER BY sequence LIMIT 1) AS oldest FROM outbox WHERE published_at IS NULL";

    private final Sql sql;
    private final EventJson events;
    private final OutboxTraceContext traceContext;

    PostgresOutbox(Sql sql, EventJson events, OutboxTraceContext traceContext) {
        this.sql = sql;
        this.events = events;
        this.traceContext = traceContext;
    }

    @Override
    public void append(List<OrderEvent> appended) {
        if (appended.isEmpty()) {
            return;
        }
        var context = traceContext.current();
        sql.inTransaction(() -> sql.statement(INSERT, s -> {
            for (var event : appended) {
                s.setString(1, context);
                events.bind(s, 2, event);
                s.addBatch();
            }
            return s.executeBatch();
        }));
    }

    @Override
    public List<OutboxEntry> claim(int max, Instant now, Duration lease) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        var claimed = sql.query(CLAIM, s -> {
            setInstant(s, 1, now);
            s.setInt(2, max);
            setInstant(s, 3, now.plus(lease));
        }, row -> new OutboxEntry(row.getLong("sequence"), events.read(row), traceContext.read(row)));
        // RETURNING has no order of its own
        return claimed.stream().sorted(Comparator.comparingLong(OutboxEntry::sequence)).toList();
    }

    @Override
    public void markPublished(Collection<Long> sequences, Instant at) {
        if (!sequences.isEmpty()) {
            sql.update(MARK_PUBLISHED, s -> {
                setInstant(s, 1, at);
                setSequences(s, 2, sequences);
            });
        }
    }

    @Override
    public void release(Collection<Long> sequences) {
        if (!sequences.isEmpty()) {
            sql.update(RELEASE, s -> setSequences(s, 1, sequences));
        }
    }

    @Override
    public int deletePublishedBefore(Instant before) {
        return sql.bulkUpdate(DELETE_PUBLISHED, s -> setInstant(s, 1, before));
    }

    @Override
    public Backlog backlog() {
        return sql.query(BACKLOG, s -> {
        }, row -> new Backlog(row.getLong("size"), Optional.ofNullable(Sql.instant(row, "oldest")))).getFirst();
    }

    private static void setSequences(PreparedStatement s, int index, Collection<Long> sequences)
            throws SQLException {
        s.setArray(index, s.getConnection().createArrayOf("bigint", sequences.toArray(Long[]::new)));
    }
}
