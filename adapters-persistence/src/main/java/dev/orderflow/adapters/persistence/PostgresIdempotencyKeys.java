package dev.orderflow.adapters.persistence;

import static dev.orderflow.adapters.persistence.Sql.setInstant;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Idempotency keys in the {@code idempotency_keys} table, shared by every instance of the service. */
final class PostgresIdempotencyKeys implements IdempotencyKeys {

    /*
     * One round trip. `lock` takes a transaction-scoped advisory lock on the key's 64-bit hash without waiting:
     * if another transaction holds it, that transaction is placing under the key right now (its row is not
     * committed, and an INSERT would wait for it), and the key is busy. Holding the lock, `claim` takes the key
     * if it is new, expired or abandoned; when the key is held, ON CONFLICT still locks its row, so HELD, in
     * the same transaction, reads what the holder left. Both locks last until the caller's transaction ends.
     */
    static final String CLAIM = """
            WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0)) AS free),
            claim AS (
                INSERT INTO idempotency_keys AS k (key, fingerprint, claimed_at, expires_at)
                SELECT ?, ?, ?, ? FROM lock WHERE free
                ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, claimed_at = excluded.claimed_at,
                    expires_at = excluded.expires_at, response = NULL
                WHERE k.expires_at <= ? OR (k.response IS NULL AND k.claimed_at < ?)
                RETURNING 1
            )
            SELECT free, (SELECT count(*) FROM claim) AS taken FROM lock
            """;
    private static final String HELD = "SELECT fingerprint, response FROM idempotency_keys WHERE key = ?";
    static final String COMPLETE =
            "UPDATE idempotency_keys SET response = ? WHERE key = ? AND response IS NULL";
    private static final String RELEASE = "DELETE FROM idempotency_keys WHERE key = ? AND response IS NULL";
    private static final String DELETE_EXPIRED = "DELETE FROM idempotency_keys WHERE expires_at <= ?";

    private final Sql sql;

    PostgresIdempotencyKeys(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore, Instant expiresAt) {
        return sql.inTransaction(() -> {
            var claimed = sql.queryOne(CLAIM, s -> {
                s.setString(1, key.value());
                s.setString(2, key.value());
                s.setString(3, fingerprint);
                setInstant(s, 4, now);
                setInstant(s, 5, expiresAt);
                setInstant(s, 6, now);
                setInstant(s, 7, staleBefore);
            }, row -> row.getBoolean("free") ? (row.getLong("taken") == 1 ? Taken.ACQUIRED : Taken.HELD) : Taken.BUSY)
                    .orElseThrow();
            return switch (claimed) {
                case ACQUIRED -> new Claim.Acquired();
                case BUSY -> new Claim.Busy();
                case HELD -> sql.queryOne(HELD, s -> s.setString(1, key.value()), this::held).orElseThrow(
                        () -> new IllegalStateException("idempotency key vanished while locked: " + key.value()));
            };
        });
    }

    private enum Taken { ACQUIRED, HELD, BUSY }

    private Claim held(ResultSet row) throws SQLException {
        var fingerprint = row.getString("fingerprint");
        var response = row.getBytes("response");
        if (response == null) {
            return new Claim.InFlight(fingerprint);
        }
        return new Claim.Completed(fingerprint, new StoredReply(response));
    }

    @Override
    public void complete(IdempotencyKey key, StoredReply response) {
        int completed = sql.update(COMPLETE, s -> {
            s.setBytes(1, response.bytes());
            s.setString(2, key.value());
        });
        if (completed == 0) {
            throw new IllegalStateException("idempotency key is not claimed: " + key.value());
        }
    }

    @Override
    public void release(IdempotencyKey key) {
        sql.update(RELEASE, s -> s.setString(1, key.value()));
    }

    @Override
    public int deleteExpired(Instant now) {
        return sql.bulkUpdate(DELETE_EXPIRED, s -> setInstant(s, 1, now));
    }
}
