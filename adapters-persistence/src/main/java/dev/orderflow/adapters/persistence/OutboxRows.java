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
 * The {@code outbox} table. Relays hold shards of it under advisory locks that they try without waiting, so
 * concurrent relays in any number of processes never wait for each other nor take the same order's entries.
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
     * A relay's transaction (see PostgresOutbox#relay): hold shards, read their oldest unpublished entries,
     * publish them, mark them published, commit. An entry's shard is the expression of the index
     * outbox_unpublished_by_shard (V8), and a shard is held with a transaction-level advisory lock on (SHARD_LOCKS, shard),
     * so it is free again when the transaction ends, however it ends. The entries must be read by a statement
     * after the one that took the locks: a statement's snapshot is taken when it starts, and one taken before a
     * lock was granted could miss the publication that the lock's previous holder committed meanwhile.
     */

    /** The space of the advisory locks on the outbox's shards (the ASCII of "obox"). */
    int SHARD_LOCKS = 0x6f626f78;
    /** How many shards the outbox has: the values of the low four bits of an order id's last byte. */
    int SHARDS = 16;
    /** An entry's shard: the expression of the index {@code outbox_unpublished_by_shard}. */
    String SHARD = "(get_byte(uuid_send(order_id), 15) & 15)";

    /**
     * Holds up to {@code count} shards that no other transaction holds, trying them in turn from the shard of
     * the oldest unpublished entry on; holds none when no entry waits.
     */
    @Query("SELECT s FROM (SELECT (g + (SELECT " + SHARD + " FROM outbox WHERE published_at IS NULL "
            + "ORDER BY sequence LIMIT 1)) % " + SHARDS + " AS s FROM generate_series(0, " + (SHARDS - 1) + ") g) t "
            + "WHERE pg_try_advisory_xact_lock(" + SHARD_LOCKS + ", s) LIMIT :count")
    List<Integer> holdShards(int count);

    /**
     * The oldest {@code max} unpublished entries of a shard, in sequence order: one range of the index
     * outbox_unpublished_by_shard. (One scan in sequence order over several shards, skipping the others'
     * entries, was planned over the primary key, through every published entry that retention still keeps.)
     */
    @Query("SELECT sequence, order_id, version, event_type, occurred_at, payload, trace_context FROM outbox "
            + "WHERE published_at IS NULL AND " + SHARD + " = :shard ORDER BY sequence LIMIT :max")
    List<OutboxClaim> oldestOf(int shard, int max);

    /**
     * Ends the session, and with it the transaction and its locks, once the transaction waited idle for
     * {@code timeout} (a PostgreSQL interval such as {@code 60000ms}): the relay's publication took too long.
     */
    @Query("SELECT set_config('idle_in_transaction_session_timeout', :timeout, true)")
    String endIfIdleFor(String timeout);

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
