package dev.orderflow.application.port.out;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import dev.orderflow.application.port.out.Orders.SaveResult;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A placement under an idempotency key, all of it or nothing: the claim of the key, and, if the claim acquired
 * it, the new order with its events ({@link OrderChanges#record} at version 0) and the reply stored under the key
 * ({@link IdempotencyKeys#complete}). It joins the caller's transaction when there is one and needs none: without
 * one it is a transaction of its own. A storage may do all of it at once (PostgreSQL: one statement, committed on
 * its own); {@link #of} does it with the two ports one after the other, in a transaction.
 */
@FunctionalInterface
public interface KeyedPlacements {

    /**
     * Claims the key as {@link IdempotencyKeys#claim} does; if this call acquired it, records the placed order
     * and its events, when there is one (a refused placement has none), and completes the key with the reply.
     *
     * @throws IllegalStateException if an order with the placed order's id exists, or the log holds one of the
     *                               events' versions; nothing of the call is kept, the claim included
     */
    Claim claimAndPlace(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore, Instant expiresAt,
                        Optional<Order> placed, List<OrderEvent> events, StoredReply reply);

    /**
     * The placement recorded with the keys and the changes, one after the other, in one transaction of
     * {@code transactions}.
     */
    static KeyedPlacements of(IdempotencyKeys keys, OrderChanges changes, Transactions transactions) {
        return (key, fingerprint, now, staleBefore, expiresAt, placed, events, reply) ->
                transactions.inTransaction(() -> switch (keys.claim(key, fingerprint, now, staleBefore, expiresAt)) {
                    case Claim.Acquired acquired -> {
                        placed.ifPresent(order -> {
                            if (changes.record(order, 0, events) == SaveResult.CONFLICT) {
                                throw new IllegalStateException("an order with id " + order.id() + " exists");
                            }
                        });
                        keys.complete(key, reply);
                        yield acquired;
                    }
                    case Claim.InFlight inFlight -> inFlight;
                    case Claim.Busy busy -> busy;
                    case Claim.Completed completed -> completed;
                });
    }
}
