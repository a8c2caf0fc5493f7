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
     * Takes the key if it is new, expired or abandoned. When the key is held, ON CONFLICT still locks its
     * row, so the SELECT that follows in the same transaction reads what the holder left.
     */
    private static final String CLAIM = """
            INSERT INTO idempotency_keys AS k (key, fingerprint, claimed_at, expires_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, claimed_at = excluded.claimed_at,
                expires_at = excluded.expires_at, response = NULL
            WHERE k.expires_at <= ? OR (k.response IS NULL AND k.claimed_at < ?)
            """;
    private static final String HELD = "SELECT fingerprint, response FROM idempotency_keys WHERE key = ?";
    private static final String COMPLETE =
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
            int taken = sql.update(CLAIM, s -> {
                s.setString(1, key.value());
                s.setString(2, fingerprint);
                setInstant(s, 3, now);
                setInstant(s, 4, expiresAt);
                setInstant(s, 5, now);
                setInstant(s, 6, staleBefore);
            });
            if (taken == 1) {
                return new Claim.Acquired();
            }
            return sql.queryOne(HELD, s -> s.setString(1, key.value()), this::held)
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished while locked: " + key.value()));
        });
    }

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
