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
 * The {@code outbox} table. A relay reads and marks it under an advisory lock that it tries without waiting,
 * so relays in any number of processes never wait for each other nor publish the same entry.
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
     * A relay's transaction (see PostgresOutbox#relay): take the outbox's advisory lock, read the oldest
     * unpublished entries, publish them, mark them published, commit. The lock is a transaction-level one, so
     * it is free again when the transaction ends, however it ends. The entries must be read by a statement after
     * the one that took the lock: a statement's snapshot is taken when it starts, and one taken before the lock
     * was granted could miss the publication that the lock's previous holder committed meanwhile.
     */

    /**
     * Takes the relays' advisory lock on the outbox (key 0x6f626f78, the ASCII of "obox") unless another
     * relay has it, and sets the transaction up for relaying: PostgreSQL ends the session, and with it the
     * transaction and the lock, once the transaction waited idle for {@code hold} (an interval such as
     * {@code 60000ms}: the publication took too long); and the commit does not wait for the disk, so a crash of
     * the server may forget the last publications marked, whose entries are then published again (delivery is
     * at least once).
     */
    @Query("SELECT pg_try_advisory_xact_lock(x'6f626f78'::int, 0) "
            + "FROM (SELECT set_config('idle_in_transaction_session_timeout', :hold, true), "
            + "set_config('synchronous_commit', 'off', true)) settings")
    boolean holdOutbox(String hold);

    /** The oldest {@code max} unpublished entries, in sequence order (the index outbox_unpublished). */
    @Query("SELECT sequence, order_id, version, event_type, occurred_at, payload, trace_context FROM outbox "
            + "WHERE published_at IS NULL ORDER BY sequence LIMIT :max")
    List<OutboxClaim> oldest(int max);

    /*
     * Found by primary key: a WHERE clause that tests `published_at IS NULL` makes the partial index a
     * candidate, and with statistics taken before a burst of inserts the generic plan walked it all.
     */
    @Query("UPDATE outbox SET published_at = :at WHERE sequence = ANY (:sequences)")
    void markPublished(Instant at, long[] sequences);

    int deleteByPublishedAtLessThan(Instant before);

    long countByPublishedAtIsNull();

    Optional<OutboxRow> findFirstByPublishedAtIsNullOrderBySequence();
}
