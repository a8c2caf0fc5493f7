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
 * {@link OutboxRows#appendOne} write them). The event and its entry are written only if the order's row was;
 * each statement returns 1 if it was, 0 if the order's id or version did not match. A taken event version aborts
 * the statement. (The parameters are separate: Micronaut Data binds an entity's properties by name only when the
 * entity is the method's one parameter. The payload parameter's name: see {@link EventRows#appendOne}.)
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrderChangeRows extends GenericRepository<OrderRow, UUID> {

    /** The event and its outbox entry, for each row of {@code o} (the order's, if it was written). */
    String EVENT = """
            , e AS (
              INSERT INTO order_events (order_id, version, event_type, occurred_at, payload)
              SELECT o.id, :eventVersion, :eventType, CAST(:occurredAt AS timestamptz), CAST(:payloadJson AS jsonb)
              FROM o
            ), x AS (
              INSERT INTO outbox (trace_context, order_id, version, event_type, occurred_at, payload)
              SELECT CAST(:traceContext AS jsonb), o.id, :eventVersion, :eventType, CAST(:occurredAt AS timestamptz),
                CAST(:payloadJson AS json)
              FROM o
            )
            SELECT count(*) FROM o""";

    /** Inserts the order, its lines and its event unless an order with its id exists (as OrderRows#insertIfAbsent). */
    @Query("""
            WITH o AS (
              INSERT INTO orders (id, version, status, customer_id, currency, total_minor, ship_recipient, ship_line1,
                ship_line2, ship_postal_code, ship_city, ship_region, ship_country, placed_at, updated_at,
                confirmed_at, shipped_at, carrier, tracking_number, delivered_at, cancelled_from, cancelled_at,
                cancellation_reason)
              VALUES (:id, :version, :status, :customerId, :currency, :totalMinor, :shipRecipient, :shipLine1,
                :shipLine2, :shipPostalCode, :shipCity, :shipRegion, :shipCountry, :placedAt, :updatedAt,
                :confirmedAt, :shippedAt, :carrier, :trackingNumber, :deliveredAt, :cancelledFrom, :cancelledAt,
                :cancellationReason)
              ON CONFLICT (id) DO NOTHING RETURNING id
            ), l AS (
              INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_minor)
              SELECT o.id, l.n, l.sku, l.quantity, l.unit_price
              FROM o, unnest(:lineSkus::text[], :lineQuantities::int[], :lineUnitPrices::bigint[])
                WITH ORDINALITY AS l (sku, quantity, unit_price, n)
            )""" + EVENT)
    int insertWithEvent(UUID id, long version, String status, String customerId, String currency, long totalMinor,
                        String shipRecipient, String shipLine1, String shipLine2, String shipPostalCode,
                        String shipCity, String shipRegion, String shipCountry, Instant placedAt, Instant updatedAt,
                        @Nullable Instant confirmedAt, @Nullable Instant shippedAt, @Nullable String carrier,
                        @Nullable String trackingNumber, @Nullable Instant deliveredAt, @Nullable String cancelledFrom,
                        @Nullable Instant cancelledAt, @Nullable String cancellationReason, String[] lineSkus,
                        int[] lineQuantities, long[] lineUnitPrices, @Nullable String traceContext, long eventVersion,
                        String eventType, Instant occurredAt, String payloadJson);

    /** Writes the order's state columns and its event if it is at the expected version (as OrderRows#updateState). */
    @Query("""
            WITH o AS (
              UPDATE orders SET version = :version, status = :status, updated_at = :updatedAt,
                confirmed_at = :confirmedAt, shipped_at = :shippedAt, carrier = :carrier,
                tracking_number = :trackingNumber, delivered_at = :deliveredAt, cancelled_from = :cancelledFrom,
                cancelled_at = :cancelledAt, cancellation_reason = :cancellationReason
              WHERE id = :id AND version = :expectedVersion
              RETURNING id
            )""" + EVENT)
    int updateStateWithEvent(UUID id, long expectedVersion, long version, String status, Instant updatedAt,
                             @Nullable Instant confirmedAt, @Nullable Instant shippedAt, @Nullable String carrier,
                             @Nullable String trackingNumber, @Nullable Instant deliveredAt,
                             @Nullable String cancelledFrom, @Nullable Instant cancelledAt,
                             @Nullable String cancellationReason, @Nullable String traceContext, long eventVersion,
                             String eventType, Instant occurredAt, String payloadJson);
}
