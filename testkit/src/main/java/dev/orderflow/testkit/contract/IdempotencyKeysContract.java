package dev.orderflow.testkit.contract;

import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import dev.orderflow.application.port.out.IdempotencyKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orderflow.application.port.out.IdempotencyKeys}. */
public abstract class IdempotencyKeysContract extends PortContract<IdempotencyKeys> {

    private static final Duration TTL = Duration.ofHours(24);
    private static final Duration STALE = Duration.ofMinutes(1);
    private static final StoredReply RESPONSE = new StoredReply(allByteValues());

    /** Every byte value, then a zero: an adapter's encoding is opaque, so every byte must come back. */
    private static byte[] allByteValues() {
        var bytes = new byte[257];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private IdempotencyKeys keys() {
        return port;
    }

    private static IdempotencyKey newKey() {
        return new IdempotencyKey("key-" + UUID.randomUUID());
    }

    private Claim claim(IdempotencyKey key, String fingerprint, Instant now) {
        return keys().claim(key, fingerprint, now, now.minus(STALE), now.plus(TTL));
    }

    @Test
    void a_new_key_is_acquired_then_in_flight_then_completed_with_its_response() {
        var key = newKey();
        assertEquals(new Claim.Acquired(), claim(key, "fp-1", T0));
        assertEquals(new Claim.InFlight("fp-1"), claim(key, "fp-1", T0.plusSeconds(1)));
        assertEquals(new Claim.InFlight("fp-1"), claim(key, "fp-2", T0.plusSeconds(1)));
        keys().complete(key, RESPONSE);
        assertEquals(new Claim.Completed("fp-1", RESPONSE), claim(key, "fp-1", T0.plusSeconds(2)));
        assertEquals(new Claim.Completed("fp-1", RESPONSE), claim(key, "fp-2", T0.plusSeconds(2)));
    }

    @Test
    void keys_are_independent() {
        var a = newKey();
        var b = newKey();
        assertEquals(new Claim.Acquired(), claim(a, "fp", T0));
        assertEquals(new Claim.Acquired(), claim(b, "fp", T0));
    }

    @Test
    void an_expired_key_is_acquired_again_and_deleted_by_retention() {
        var key = newKey();
        claim(key, "fp-1", T0);
        keys().complete(key, RESPONSE);
        var later = T0.plus(TTL).plusSeconds(1);
        assertEquals(new Claim.Acquired(), claim(key, "fp-2", later));
        keys().complete(key, RESPONSE);

        var old = newKey();
        claim(old, "fp", T0);
        assertEquals(1, keys().deleteExpired(T0.plus(TTL).plusSeconds(1)));
        assertEquals(new Claim.Completed("fp-2", RESPONSE), claim(key, "fp-2", later.plusSeconds(1)));
    }

    @Test
    void an_abandoned_claim_is_taken_over_after_the_stale_time() {
        var key = newKey();
        claim(key, "fp-1", T0);
        assertEquals(new Claim.InFlight("fp-1"), claim(key, "fp-1", T0.plusSeconds(59)));
        assertEquals(new Claim.Acquired(), claim(key, "fp-1", T0.plus(STALE).plusSeconds(1)));
    }

    @Test
    void a_released_claim_can_be_acquired_at_once_but_a_completed_one_is_not_released() {
        var key = newKey();
        claim(key, "fp-1", T0);
        keys().release(key);
        assertEquals(new Claim.Acquired(), claim(key, "fp-1", T0));
        keys().complete(key, RESPONSE);
        keys().release(key);
        assertEquals(new Claim.Completed("fp-1", RESPONSE), claim(key, "fp-1", T0));
    }

    @Test
    void a_completion_in_a_failed_transaction_leaves_the_key_in_flight() {
        var key = newKey();
        claim(key, "fp-1", T0);
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            keys().complete(key, RESPONSE);
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(new Claim.InFlight("fp-1"), claim(key, "fp-1", T0.plusSeconds(1)));
    }

    @Test
    void a_claim_and_its_completion_in_one_transaction_leave_a_completed_key_or_nothing() {
        var key = newKey();
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            assertEquals(new Claim.Acquired(), claim(key, "fp-1", T0));
            keys().complete(key, RESPONSE);
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(new Claim.Acquired(), transactions.inTransaction(() -> {
            var claim = claim(key, "fp-2", T0);
            keys().complete(key, RESPONSE);
            return claim;
        }));
        assertEquals(new Claim.Completed("fp-2", RESPONSE), claim(key, "fp-1", T0.plusSeconds(1)));
    }

    @Test
    void concurrent_claims_of_one_key_have_exactly_one_winner() throws Exception {
        var key = newKey();
        var results = Concurrently.times(8, () -> claim(key, "fp", T0));
        assertEquals(1, results.stream().filter(Claim.Acquired.class::isInstance).count());
        // a loser either sees the winner's committed claim or finds the key busy in the winner's transaction
        assertEquals(7, results.stream().filter(r -> r instanceof Claim.InFlight || r instanceof Claim.Busy).count());
    }
}
