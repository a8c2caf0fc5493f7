package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns of an {@code outbox} row that the relay needs of an entry it takes, and no more (not the
 * publication time): a relay maps a batch of them (2 000 by default), and every column mapped costs it CPU.
 */
@MappedEntity("outbox")
record OutboxClaim(@Id long sequence, UUID orderId, long version, String eventType, Instant occurredAt,
                   byte[] payload, @Nullable String traceContext) {
}
