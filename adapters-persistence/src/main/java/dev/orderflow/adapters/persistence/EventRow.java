package dev.orderflow.adapters.persistence;

import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the {@code order_events} table, keyed by (order id, version): the event's keys in columns, the event
 * itself in {@code payload} as the JSON of schema version 1 ({@link EventJson}). The payload is read as the
 * driver received it, UTF-8 text, which the codec reads without a copy into a {@code String} and back. Every
 * column is named, for the reason {@link OrderRow} gives.
 */
@MappedEntity("order_events")
record EventRow(@MappedProperty("order_id") UUID orderId,
                @MappedProperty("version") long version,
                @MappedProperty("event_type") String eventType,
                @MappedProperty("occurred_at") Instant occurredAt,
                @MappedProperty("payload") byte[] payload) {
}
