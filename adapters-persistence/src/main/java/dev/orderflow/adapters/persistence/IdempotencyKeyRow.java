package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of the {@code idempotency_keys} table: a claimed key, and the stored reply once the work is done. */
@MappedEntity("idempotency_keys")
record IdempotencyKeyRow(@Id String key, String fingerprint, Instant claimedAt, Instant expiresAt,
                         @Nullable byte[] response) {
}
