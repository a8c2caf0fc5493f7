package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code orders} and {@code order_lines} tables. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrderRows extends GenericRepository<OrderRow, UUID> {

    Optional<OrderRow> findById(UUID id);

    /** The orders table's columns, and below the values of the parameters named after them. */
    String COLUMNS = """
            id, version, status, customer_id, currency, total_minor, ship_recipient, ship_line1, ship_line2,
            ship_postal_code, ship_city, ship_region, ship_country, placed_at, updated_at, confirmed_at, shipped_at,
            carrier, tracking_number, delivered_at, cancelled_from, cancelled_at, cancellation_reason""";

    String VALUES = """
            :id, :version, :status, :customerId, :currency, :totalMinor, :shipRecipient, :shipLine1, :shipLine2,
            :shipPostalCode, :shipCity, :shipRegion, :shipCountry, CAST(:placedAt AS timestamptz),
            CAST(:updatedAt AS timestamptz), CAST(:confirmedAt AS timestamptz), CAST(:shippedAt AS timestamptz),
            :carrier, :trackingNumber, CAST(:deliveredAt AS timestamptz), :cancelledFrom,
            CAST(:cancelledAt AS timestamptz), :cancellationReason""";

    /** The lines of the order of {@code o}, if it was written. */
    String LINES = """
            , l AS (
              INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_minor)
              SELECT o.id, l.n, l.sku, l.quantity, l.unit_price
              FROM o, unnest(:lineSkus::text[], :lineQuantities::int[], :lineUnitPrices::bigint[])
                WITH ORDINALITY AS l (sku, quantity, unit_price, n)
            )""";

    /** The order and its lines, in {@code o}, unless an order with its id exists. */
    String INSERT_IF_ABSENT = "WITH o AS (INSERT INTO orders (" + COLUMNS + ") VALUES (" + VALUES + ")"
            + " ON CONFLICT (id) DO NOTHING RETURNING id)" + LINES;

    /**
     * Inserts the order and its lines in one statement unless an order with its id exists; 1 if it inserted
     * them, 0 if not. A conflict changes nothing and does not abort the caller's transaction.
     */
    @Query(INSERT_IF_ABSENT + " SELECT count(*) FROM o")
    int insertIfAbsent(OrderRow row);

    /** The update of an order's state columns if it is at the expected version. */
    String UPDATE_STATE = """
            UPDATE orders SET version = :version, status = :status, updated_at = :updatedAt,
              confirmed_at = :confirmedAt, shipped_at = :shippedAt, carrier = :carrier,
              tracking_number = :trackingNumber, delivered_at = :deliveredAt, cancelled_from = :cancelledFrom,
              cancelled_at = :cancelledAt, cancellation_reason = :cancellationReason
            WHERE id = :id AND version = :expectedVersion""";

    /** Writes the state columns of the order if it is at the expected version; 1 if it did, 0 if not. */
    @Query(UPDATE_STATE)
    int updateState(UUID id, long expectedVersion, long version, String status, Instant updatedAt,
                    @Nullable Instant confirmedAt, @Nullable Instant shippedAt, @Nullable String carrier,
                    @Nullable String trackingNumber, @Nullable Instant deliveredAt, @Nullable String cancelledFrom,
                    @Nullable Instant cancelledAt, @Nullable String cancellationReason);

    /** Locks up to {@code limit} pending orders placed before the time, oldest first, skipping locked ones. */
    @Query("""
            SELECT id, version FROM orders WHERE status = 'PENDING' AND placed_at < :placedBefore
            ORDER BY placed_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<OverdueRow> claimOverdue(Instant placedBefore, int limit);

    /** An order that {@link #claimOverdue} locked. */
    @Introspected
    record OverdueRow(UUID id, long version) {
    }

    /*
     * The keyset listing, newest first: one query per index (by customer, by status, all by placement), so that
     * its generic plan scans that index in order and stops at the limit. An absent bound is the widest one.
     */
    String PAGE = """
             AND placed_at >= coalesce(CAST(:placedFrom AS timestamptz), '-infinity')
             AND placed_at < coalesce(CAST(:placedBefore AS timestamptz), 'infinity')
             AND (placed_at, id) < (coalesce(CAST(:afterPlacedAt AS timestamptz), 'infinity'),
                                    coalesce(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY placed_at DESC, id DESC LIMIT :limit) o
            CROSS JOIN LATERAL (SELECT array_agg(sku ORDER BY line_no) AS line_skus,
                array_agg(quantity ORDER BY line_no) AS line_quantities,
                array_agg(unit_price_minor ORDER BY line_no) AS line_unit_prices
              FROM order_lines WHERE order_id = o.id) l
            ORDER BY o.placed_at DESC, o.id DESC""";

    @Query("SELECT o.*, l.* FROM (SELECT * FROM orders WHERE customer_id = :customerId"
            + " AND status = coalesce(:status, status)" + PAGE)
    List<OrderRow> pageOfCustomer(String customerId, @Nullable String status, @Nullable Instant placedFrom,
                                  @Nullable Instant placedBefore, @Nullable Instant afterPlacedAt,
                                  @Nullable UUID afterId, int limit);

    @Query("SELECT o.*, l.* FROM (SELECT * FROM orders WHERE status = :status" + PAGE)
    List<OrderRow> pageOfStatus(String status, @Nullable Instant placedFrom, @Nullable Instant placedBefore,
                                @Nullable Instant afterPlacedAt, @Nullable UUID afterId, int limit);

    @Query("SELECT o.*, l.* FROM (SELECT * FROM orders WHERE true" + PAGE)
    List<OrderRow> page(@Nullable Instant placedFrom, @Nullable Instant placedBefore,
                        @Nullable Instant afterPlacedAt, @Nullable UUID afterId, int limit);
}
