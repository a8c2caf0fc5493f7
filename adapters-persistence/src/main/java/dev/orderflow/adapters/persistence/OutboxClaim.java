package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns of an {@code outbox} row that the relay needs of a claimed entry, and no more (not the lease and
 * publication times): the claim maps up to 500 of them per call, and every column mapped costs the relay CPU.
 */
@MappedEntity("outbox")
record OutboxClaim(@Id long sequence, UUID orderId, long version, String eventType, Instant occurredAt,
                   byte[] payload, @Nullable String traceContext) {
}
