package dev.orderflow.adapters.persistence;

import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the {@code order_events} table, keyed by (order id, version): the event's keys in columns, the event
 * itself in {@code payload} as the JSON of schema version 1 ({@link EventJson}). The payload is read as the
 * driver received it, UTF-8 text, which the codec reads without a copy into a {@code String} and back.
 */
@MappedEntity("order_events")
record EventRow(UUID orderId, long version, String eventType, Instant occurredAt, byte[] payload) {
}
