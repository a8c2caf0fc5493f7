package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys;
import java.time.Instant;
import java.util.Optional;

/** Idempotency keys in the {@code idempotency_keys} table ({@link IdempotencyKeyRows}). */
final class PostgresIdempotencyKeys implements IdempotencyKeys {

    private final Sql sql;
    private final IdempotencyKeyRows rows;

    PostgresIdempotencyKeys(Sql sql, IdempotencyKeyRows rows) {
        this.sql = sql;
        this.rows = rows;
    }

    @Override
    public Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore, Instant expiresAt) {
        return sql.inTransaction(() -> {
            var taken = sql.call("claim an idempotency key",
                    () -> rows.claim(key.value(), fingerprint, now, staleBefore, expiresAt, null));
            return switch (taken) {
                case BUSY -> new Claim.Busy();
                case ACQUIRED -> new Claim.Acquired();
                case HELD -> held(key).orElseThrow(
                        () -> new IllegalStateException("idempotency key vanished while locked: " + key.value()));
            };
        });
    }

    /**
     * What the key holds, read after a claim found it held; empty if it is gone (expired and removed by
     * retention since, when the claim committed on its own).
     */
    Optional<Claim> held(IdempotencyKey key) {
        return sql.call("read an idempotency key", () -> rows.findById(key.value())).map(held ->
                held.response() == null
                        ? new Claim.InFlight(held.fingerprint())
                        : new Claim.Completed(held.fingerprint(), new StoredReply(held.response())));
    }

    @Override
    public void complete(IdempotencyKey key, StoredReply response) {
        int completed = sql.call("store the reply of an idempotency key",
                () -> rows.complete(key.value(), response.bytes()));
        if (completed == 0) {
            throw new IllegalStateException("idempotency key is not claimed: " + key.value());
        }
    }

    @Override
    public void release(IdempotencyKey key) {
        sql.run("release an idempotency key", () -> rows.deleteByKeyAndResponseIsNull(key.value()));
    }

    @Override
    public int deleteExpired(Instant now) {
        return sql.bulk("delete expired idempotency keys", () -> rows.deleteByExpiresAtLessThanEquals(now));
    }
}
