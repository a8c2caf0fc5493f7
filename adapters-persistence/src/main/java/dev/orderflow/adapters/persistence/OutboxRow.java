package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the {@code outbox} table: an event as in {@link EventRow}, its place in the outbox's order
 * ({@code sequence}), its publication, and the trace context it was recorded in.
 */
@MappedEntity("outbox")
record OutboxRow(@Id @GeneratedValue long sequence, UUID orderId, long version, String eventType,
                 Instant occurredAt, byte[] payload, @Nullable Instant publishedAt,
                 @Nullable String traceContext) {
}
