package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.sql.ColumnTransformer;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as stored: its row of the {@code orders} table, and its rows of {@code order_lines} as three arrays
 * in line order, which the generated queries read with one subquery each and {@link OrderRows#insertIfAbsent}
 * writes with the order in one statement. {@link OrderMapper} maps it to and from the domain.
 * <p>
 * Every column is named, although the default naming would derive the same names: Micronaut Data derives a name
 * anew for every property of every row it reads, and for a page of 50 orders that was 12 % of the CPU.
 */
@MappedEntity("orders")
record OrderRow(@MappedProperty("id") @Id UUID id,
                @MappedProperty("version") long version,
                @MappedProperty("status") String status,
                @MappedProperty("customer_id") String customerId,
                @MappedProperty("currency") String currency,
                @MappedProperty("total_minor") long totalMinor,
                @MappedProperty("ship_recipient") String shipRecipient,
                @MappedProperty("ship_line1") String shipLine1,
                @MappedProperty("ship_line2") String shipLine2,
                @MappedProperty("ship_postal_code") String shipPostalCode,
                @MappedProperty("ship_city") String shipCity,
                @MappedProperty("ship_region") String shipRegion,
                @MappedProperty("ship_country") String shipCountry,
                @MappedProperty("placed_at") Instant placedAt,
                @MappedProperty("updated_at") Instant updatedAt,
                @MappedProperty("confirmed_at") @Nullable Instant confirmedAt,
                @MappedProperty("shipped_at") @Nullable Instant shippedAt,
                @MappedProperty("carrier") @Nullable String carrier,
                @MappedProperty("tracking_number") @Nullable String trackingNumber,
                @MappedProperty("delivered_at") @Nullable Instant deliveredAt,
                @MappedProperty("cancelled_from") @Nullable String cancelledFrom,
                @MappedProperty("cancelled_at") @Nullable Instant cancelledAt,
                @MappedProperty("cancellation_reason") @Nullable String cancellationReason,
                @MappedProperty("line_skus") @ColumnTransformer(read = LINES + "sku" + OF_ORDER)
                String[] lineSkus,
                @MappedProperty("line_quantities") @ColumnTransformer(read = LINES + "quantity" + OF_ORDER)
                int[] lineQuantities,
                @MappedProperty("line_unit_prices") @ColumnTransformer(read = LINES + "unit_price_minor" + OF_ORDER)
                long[] lineUnitPrices) {

    private static final String LINES = "(SELECT array_agg(l.";
    private static final String OF_ORDER = " ORDER BY l.line_no) FROM order_lines l WHERE l.order_id = order_row_.id)";
}
