package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.sql.ColumnTransformer;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as stored: its row of the {@code orders} table, and its rows of {@code order_lines} as three arrays
 * in line order, which the generated queries read with one subquery each and {@link OrderRows#insertIfAbsent}
 * writes with the order in one statement. {@link OrderMapper} maps it to and from the domain.
 */
@MappedEntity("orders")
record OrderRow(@Id UUID id, long version, String status, String customerId, String currency, long totalMinor,
                String shipRecipient, String shipLine1, String shipLine2, String shipPostalCode, String shipCity,
                String shipRegion, String shipCountry, Instant placedAt, Instant updatedAt,
                @Nullable Instant confirmedAt, @Nullable Instant shippedAt, @Nullable String carrier,
                @Nullable String trackingNumber, @Nullable Instant deliveredAt, @Nullable String cancelledFrom,
                @Nullable Instant cancelledAt, @Nullable String cancellationReason,
                @ColumnTransformer(read = LINES + "sku" + OF_ORDER) String[] lineSkus,
                @ColumnTransformer(read = LINES + "quantity" + OF_ORDER) int[] lineQuantities,
                @ColumnTransformer(read = LINES + "unit_price_minor" + OF_ORDER) long[] lineUnitPrices) {

    private static final String LINES = "(SELECT array_agg(l.";
    private static final String OF_ORDER = " ORDER BY l.line_no) FROM order_lines l WHERE l.order_id = order_row_.id)";
}
