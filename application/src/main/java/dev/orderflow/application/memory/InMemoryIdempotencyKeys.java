package dev.orderflow.application.memory;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private record Held(String fingerprint, Instant claimedAt, Instant expiresAt, Optional<StoredReply> response) {
    }

    private final Store store;
    private final Map<IdempotencyKey, Held> byKey = new HashMap<>();

    InMemoryIdempotencyKeys(Store store) {
        this.store = store;
    }

    @Override
    public Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore, Instant expiresAt) {
        return store.locked(() -> {
            var held = byKey.get(key);
            if (held != null && held.expiresAt().isAfter(now)) {
                if (held.response().isPresent()) {
                    return new Claim.Completed(held.fingerprint(), held.response().get());
                }
                if (!held.claimedAt().isBefore(staleBefore)) {
                    return new Claim.InFlight(held.fingerprint());
                }
            }
            put(key, new Held(fingerprint, now, expiresAt, Optional.empty()));
            return new Claim.Acquired();
        });
    }

    @Override
    public void complete(IdempotencyKey key, StoredReply response) {
        store.locked(() -> {
            var held = byKey.get(key);
            if (held == null || held.response().isPresent()) {
                throw new IllegalStateException("idempotency key is not claimed: " + key.value());
            }
            put(key, new Held(held.fingerprint(), held.claimedAt(), held.expiresAt(), Optional.of(response)));
            return null;
        });
    }

    @Override
    public void release(IdempotencyKey key) {
        store.locked(() -> {
            var held = byKey.get(key);
            if (held != null && held.response().isEmpty()) {
                byKey.remove(key);
                store.onRollback(() -> byKey.put(key, held));
            }
            return null;
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        return store.locked(() -> {
            var expired = new HashMap<IdempotencyKey, Held>();
            byKey.forEach((key, held) -> {
                if (!held.expiresAt().isAfter(now)) {
                    expired.put(key, held);
                }
            });
            expired.keySet().forEach(byKey::remove);
            store.onRollback(() -> byKey.putAll(expired));
            return expired.size();
        });
    }

    private void put(IdempotencyKey key, Held held) {
        var previous = byKey.put(key, held);
        store.onRollback(() -> {
            if (previous == null) {
                byKey.remove(key);
            } else {
                byKey.put(key, previous);
            }
        });
    }
}
