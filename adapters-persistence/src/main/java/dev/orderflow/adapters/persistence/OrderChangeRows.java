package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.UUID;

/**
 * A change of one order with its one event, in one statement: the order's row (as {@link OrderRows} writes it),
 * the event in {@code order_events} and its entry in the {@code outbox} (as {@link EventRows#appendOne} and
 * {@link OutboxRows#appendOne} write them). The event and its entry are written only if the order's row was. A
 * taken event version aborts the statement. The statements without a result are run by
 * {@link GroupedStatements}. (The parameters are separate: Micronaut Data binds an entity's properties by name
 * only when the entity is the method's one parameter. The payload parameter's name: see
 * {@link EventRows#appendOne}.)
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrderChangeRows extends GenericRepository<OrderRow, UUID> {

    /** The event, for each row of {@code o} (the order's, if it was written). */
    String EVENT_ROW = """
            , e AS (
              INSERT INTO order_events (order_id, version, event_type, occurred_at, payload)
              SELECT o.id, :eventVersion, :eventType, CAST(:occurredAt AS timestamptz), CAST(:payloadJson AS jsonb)
              FROM o
            )""";

    /** The event's outbox entry, for each row of {@code o}. */
    String OUTBOX_ENTRY = """
            INSERT INTO outbox (trace_context, order_id, version, event_type, occurred_at, payload)
            SELECT CAST(:traceContext AS jsonb), o.id, :eventVersion, :eventType, CAST(:occurredAt AS timestamptz),
              CAST(:payloadJson AS json)
            FROM o
            """;

    /** The event and its outbox entry, for each row of {@code o} (the order's, if it was written). */
    String EVENT = EVENT_ROW + ", x AS (" + OUTBOX_ENTRY + ")\n";

    /**
     * The same, the outbox entry's insert last: the statement's row count is 1 if the order's row was written, 0 if
     * not ({@link GroupedStatements}).
     */
    String EVENT_COUNTED = EVENT_ROW + "\n" + OUTBOX_ENTRY;

    /** The order's state columns in {@code o} if it is at the expected version (as OrderRows#updateState). */
    String UPDATE = "WITH o AS (" + OrderRows.UPDATE_STATE + " RETURNING id)";

    /**
     * The claim of an idempotency key as {@link IdempotencyKeyRows#claim} makes it, with the reply stored at once,
     * and, if it took the key, the order and its lines in {@code o}.
     */
    String CLAIM_AND_INSERT = IdempotencyKeyRows.CLAIM + """
            , o AS (
              INSERT INTO orders (""" + OrderRows.COLUMNS + ") SELECT " + OrderRows.VALUES + """
               FROM claim RETURNING id
            )""" + OrderRows.LINES;

    /**
     * Claims the idempotency key as {@link IdempotencyKeyRows#claim} does, with the reply stored at once, and, if
     * it took the key, inserts the order, its lines, its event and the outbox entry. All or nothing: an order id
     * that is taken fails the statement (unique violation), and nothing is kept, the claim included.
     */
    @Query(CLAIM_AND_INSERT + EVENT + """
            SELECT CASE WHEN NOT free THEN 'BUSY' WHEN EXISTS (SELECT FROM claim) THEN 'PLACED' ELSE 'HELD' END
            FROM lock""")
    Placed claimAndInsertWithEvent(String key, String fingerprint, Instant now, Instant staleBefore,
                                   Instant expiresAt, byte[] reply, UUID id, long version, String status,
                                   String customerId, String currency, long totalMinor, String shipRecipient,
                                   String shipLine1, String shipLine2, String shipPostalCode, String shipCity,
                                   String shipRegion, String shipCountry, Instant placedAt, Instant updatedAt,
                                   @Nullable Instant confirmedAt, @Nullable Instant shippedAt,
                                   @Nullable String carrier, @Nullable String trackingNumber,
                                   @Nullable Instant deliveredAt, @Nullable String cancelledFrom,
                                   @Nullable Instant cancelledAt, @Nullable String cancellationReason,
                                   String[] lineSkus, int[] lineQuantities, long[] lineUnitPrices,
                                   @Nullable String traceContext, long eventVersion, String eventType,
                                   Instant occurredAt, String payloadJson);

    /**
     * What {@link #claimAndInsertWithEvent} did: nothing, the key being busy with another placement or held by an
     * earlier one; or the key claimed and the order placed.
     */
    enum Placed { BUSY, HELD, PLACED }
}
