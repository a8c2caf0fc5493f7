package dev.orderflow.adapters.persistence;

import static dev.orderflow.adapters.persistence.Sql.setInstant;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredResponse;
import dev.orderflow.application.port.out.IdempotencyKeys;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** Idempotency keys in the {@code idempotency_keys} table, shared by every instance of the service. */
final class PostgresIdempotencyKeys implements IdempotencyKeys {

    /*
     * Takes the key if it is new, expired or abandoned. When the key is held, ON CONFLICT still locks its
     * row, so the SELECT that follows in the same transaction reads what the holder left.
     */
    private static final String CLAIM = """
            INSERT INTO idempotency_keys AS k (key, fingerprint, claimed_at, expires_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, claimed_at = excluded.claimed_at,
                expires_at = excluded.expires_at, response_status = NULL, response_headers = NULL,
                response_body = NULL
            WHERE k.expires_at <= ? OR (k.response_status IS NULL AND k.claimed_at < ?)
            """;
    private static final String HELD = "SELECT fingerprint, response_status, response_headers, response_body "
            + "FROM idempotency_keys WHERE key = ?";
    private static final String COMPLETE = "UPDATE idempotency_keys SET response_status = ?, "
            + "response_headers = ?::jsonb, response_body = ? WHERE key = ? AND response_status IS NULL";
    private static final String RELEASE = "DELETE FROM idempotency_keys WHERE key = ? AND response_status IS NULL";
    private static final String DELETE_EXPIRED = "DELETE FROM idempotency_keys WHERE expires_at <= ?";

    private static final Argument<Map<String, String>> HEADERS = Argument.mapOf(String.class, String.class);

    private final Sql sql;
    private final JsonMapper json;

    PostgresIdempotencyKeys(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
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
        int status = row.getInt("response_status");
        if (row.wasNull()) {
            return new Claim.InFlight(fingerprint);
        }
        return new Claim.Completed(fingerprint,
                new StoredResponse(status, headers(row.getString("response_headers")), row.getString("response_body")));
    }

    @Override
    public void complete(IdempotencyKey key, StoredResponse response) {
        int completed = sql.update(COMPLETE, s -> {
            s.setInt(1, response.status());
            s.setString(2, json(response.headers()));
            s.setString(3, response.body());
            s.setString(4, key.value());
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

    private String json(Map<String, String> headers) {
        try {
            return json.writeValueAsString(HEADERS, headers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write response headers", e);
        }
    }

    private Map<String, String> headers(String stored) {
        try {
            return json.readValue(stored, HEADERS);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored response headers", e);
        }
    }
}
