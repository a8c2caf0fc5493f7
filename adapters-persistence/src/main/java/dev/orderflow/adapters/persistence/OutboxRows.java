package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code outbox} table. Claims lock candidate rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent
 * claimers in any number of processes never wait for each other nor take the same entry.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutboxRows extends GenericRepository<OutboxRow, Long> {

    /** Appends one event with the trace context (the payload parameter's name: see {@link EventRows#appendOne}). */
    @Query("INSERT INTO outbox (trace_context, order_id, version, event_type, occurred_at, payload) "
            + "VALUES (CAST(:traceContext AS jsonb), :orderId, :version, :eventType, :occurredAt, "
            + "CAST(:payloadJson AS json))")
    void appendOne(@Nullable String traceContext, UUID orderId, long version, String eventType, Instant occurredAt,
                   String payloadJson);

    /** Appends the events of {@link EventJson.Rows.Many} in their order, each with the trace context. */
    @Query("INSERT INTO outbox (trace_context, order_id, version, event_type, occurred_at, payload) "
            + "SELECT CAST(:traceContext AS jsonb), e.order_id, e.version, e.event_type, e.occurred_at, e.payload "
            + "FROM " + EventJson.RECORDS + " ORDER BY e.n")
    void append(@Nullable String traceContext, String events);

    /*
     * One statement. `candidate` locks up to `max` unpublished, unleased entries in sequence order, skipping
     * rows another claimer holds. The UPDATE then leases those whose every earlier unpublished entry of the
     * same order is in this claim too (their counts match): an entry behind one that is leased, or that
     * another claimer is locking at this moment, waits for a later claim. The count is a scalar subquery, an
     * index probe per row (an EXISTS would be planned as an anti-join over the whole backlog), and sits
     * outside the locking scan: a subquery there is re-run for every row a concurrent claimer changed, which
     * made one claim of two racing relays run for minutes. RETURNING has no order of its own.
     */
    @Query("""
            WITH candidate AS (
                SELECT o.sequence, o.order_id
                FROM outbox o
                WHERE o.published_at IS NULL
                  AND (o.leased_until IS NULL OR o.leased_until <= :now)
                ORDER BY o.sequence
                LIMIT :max
                FOR UPDATE SKIP LOCKED
            ), ranked AS (
                SELECT sequence, order_id,
                       row_number() OVER (PARTITION BY order_id ORDER BY sequence) - 1 AS earlier_in_claim
                FROM candidate
            )
            UPDATE outbox o SET leased_until = :leasedUntil
            FROM ranked r
            WHERE o.sequence = r.sequence
              AND r.earlier_in_claim = (SELECT count(*) FROM outbox e
                                        WHERE e.order_id = r.order_id AND e.published_at IS NULL
                                          AND e.sequence < r.sequence)
            RETURNING o.sequence, o.order_id, o.version, o.event_type, o.occurred_at, o.payload, o.trace_context""")
    List<OutboxClaim> claim(Instant now, int max, Instant leasedUntil);

    /*
     * Marking and releasing find their rows by primary key. Neither statement may test `published_at IS NULL`
     * in its WHERE clause: that makes the partial indexes candidates, and with statistics taken before a
     * burst of inserts the generic plan walked all of outbox_unpublished_by_order for each call (25 ms per
     * 500 entries on a 200 000 entry backlog, 600 ms with older statistics). An entry marked twice keeps its
     * first publication time; a published entry holds no lease, so releasing it changes nothing.
     */
    @Query("UPDATE outbox SET published_at = coalesce(published_at, :at), leased_until = NULL "
            + "WHERE sequence = ANY (:sequences)")
    void markPublished(Instant at, long[] sequences);

    @Query("UPDATE outbox SET leased_until = NULL WHERE sequence = ANY (:sequences) AND leased_until IS NOT NULL")
    void release(long[] sequences);

    int deleteByPublishedAtLessThan(Instant before);

    long countByPublishedAtIsNull();

    Optional<OutboxRow> findFirstByPublishedAtIsNullOrderBySequence();
}
