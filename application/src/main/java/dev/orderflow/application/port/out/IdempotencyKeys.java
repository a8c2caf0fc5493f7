package dev.orderflow.application.port.out;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import java.time.Instant;
import java.util.Objects;

/**
 * Idempotency keys with the fingerprint of the request that first used them and, once it finished, the
 * response it got. Shared by every instance of the service.
 */
public interface IdempotencyKeys {

    /**
     * Claims a key for a request, atomically: if the key is unknown, expired, or claimed before
     * {@code staleBefore} by a request that never finished, it is now claimed for this fingerprint until
     * {@code expiresAt}. Otherwise the result says what the key holds. Called in the caller's transaction: the
     * claim, the work it guards and {@link #complete} commit together. It never waits for another transaction
     * that holds the key: it answers {@link Claim.Busy} at once.
     */
    Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore, Instant expiresAt);

    /** Stores the response of the request that claimed the key, in the caller's transaction. */
    void complete(IdempotencyKey key, StoredReply response);

    /** Forgets an unfinished claim, so that the client may retry at once. */
    void release(IdempotencyKey key);

    /** Deletes keys that expired before {@code now}. Returns how many. */
    int deleteExpired(Instant now);

    /** What a claim found. */
    sealed interface Claim {
        /** The key is now claimed by the caller. */
        record Acquired() implements Claim {
        }

        /** Another request holds the key and has not finished. */
        record InFlight(String fingerprint) implements Claim {
            /** Refuses a missing fingerprint. */
            public InFlight {
                Objects.requireNonNull(fingerprint, "fingerprint");
            }
        }

        /**
         * Another transaction holds the key at this moment and has not committed: its request is in flight,
         * with a fingerprint that cannot be known before it commits.
         */
        record Busy() implements Claim {
        }

        /** A request with this fingerprint finished under the key and got this response. */
        record Completed(String fingerprint, StoredReply response) implements Claim {
            /** Refuses missing parts. */
            public Completed {
                Objects.requireNonNull(fingerprint, "fingerprint");
                Objects.requireNonNull(response, "response");
            }
        }
    }
}
