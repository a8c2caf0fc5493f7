package dev.orderflow.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** The {@code idempotency_keys} table, shared by every instance of the service. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IdempotencyKeyRows extends GenericRepository<IdempotencyKeyRow, String> {

    /*
     * One round trip. `lock` takes a transaction-scoped advisory lock on the key's 64-bit hash without waiting:
     * if another transaction holds it, that transaction is placing under the key right now (its row is not
     * committed, and an INSERT would wait for it), and the key is busy. Holding the lock, `claim` takes the key
     * if it is new, expired or abandoned, with the reply if there is one already (OrderChangeRows); when the key
     * is held, ON CONFLICT still locks its row, so findById, in the same transaction, reads what the holder left.
     * Both locks last until the caller's transaction ends.
     */
    String CLAIM = """
            WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtextextended(:key, 0)) AS free),
            claim AS (
                INSERT INTO idempotency_keys AS k (key, fingerprint, claimed_at, expires_at, response)
                SELECT :key, :fingerprint, CAST(:now AS timestamptz), CAST(:expiresAt AS timestamptz),
                    CAST(:reply AS bytea)
                FROM lock WHERE free
                ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, claimed_at = excluded.claimed_at,
                    expires_at = excluded.expires_at, response = excluded.response
                WHERE k.expires_at <= CAST(:now AS timestamptz)
                  OR (k.response IS NULL AND k.claimed_at < CAST(:staleBefore AS timestamptz))
                RETURNING 1
            )
            """;

    @Query(CLAIM + """
            SELECT CASE WHEN NOT free THEN 'BUSY' WHEN EXISTS (SELECT FROM claim) THEN 'ACQUIRED' ELSE 'HELD' END
            FROM lock""")
    Taken claim(String key, String fingerprint, Instant now, Instant staleBefore, Instant expiresAt,
                @Nullable byte[] reply);

    /** What a {@link #claim} found: the key busy with another placement, taken by this claim, or held. */
    enum Taken { BUSY, ACQUIRED, HELD }

    Optional<IdempotencyKeyRow> findById(String key);

    @Query("UPDATE idempotency_keys SET response = :response WHERE key = :key AND response IS NULL")
    int complete(String key, byte[] response);

    void deleteByKeyAndResponseIsNull(String key);

    int deleteByExpiresAtLessThanEquals(Instant now);
}
