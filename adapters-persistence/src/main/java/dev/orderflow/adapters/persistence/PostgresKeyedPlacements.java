package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import dev.orderflow.application.port.out.KeyedPlacements;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A placement under an idempotency key in one statement instead of three
 * ({@link OrderChangeRows#claimAndInsertWithEvent}): the claim of the key with the reply, and, if it took the
 * key, the order, its event and the outbox entry. Without a caller's transaction, the statement goes to
 * PostgreSQL with the other placements waiting at that moment ({@link GroupCommit},
 * {@link GroupedStatements#placements}), committed together without BEGIN and COMMIT; within one, it joins it.
 * When the batched statement did not take the key, the statement that says why (busy, or held: then what the key
 * holds) runs on its own. A refused placement, or one of several events, goes through the keys and the changes
 * one after the other, in a transaction.
 */
final class PostgresKeyedPlacements implements KeyedPlacements {

    private final Sql sql;
    private final TracedTransactions transactions;
    private final OrderChangeRows rows;
    private final EventJson events;
    private final OutboxTraceContext traceContext;
    private final PostgresIdempotencyKeys keys;
    private final KeyedPlacements oneByOne;
    private final GroupCommit<GroupedStatements.Placement, Boolean> batches;

    PostgresKeyedPlacements(Sql sql, TracedTransactions transactions, OrderChangeRows rows, EventJson events,
                            OutboxTraceContext traceContext, PostgresIdempotencyKeys keys, KeyedPlacements oneByOne,
                            GroupCommit<GroupedStatements.Placement, Boolean> batches) {
        this.sql = sql;
        this.transactions = transactions;
        this.rows = rows;
        this.events = events;
        this.traceContext = traceContext;
        this.keys = keys;
        this.oneByOne = oneByOne;
        this.batches = batches;
    }

    @Override
    public Claim claimAndPlace(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore,
                               Instant expiresAt, Optional<Order> placed, List<OrderEvent> changes,
                               StoredReply reply) {
        if (placed.isEmpty() || changes.size() != 1) {
            return oneByOne.claimAndPlace(key, fingerprint, now, staleBefore, expiresAt, placed, changes, reply);
        }
        var o = OrderMapper.row(placed.get());
        var e = events.one(changes.getFirst());
        // the statement by itself: in a caller's transaction, or when the grouped one did not take the key
        Supplier<OrderChangeRows.Placed> alone =
                () -> place(key, fingerprint, now, staleBefore, expiresAt, reply, o, e);
        OrderChangeRows.Placed done;
        try {
            done = transactions.oneStatement(alone,
                    () -> batches.write(new GroupedStatements.Placement(key.value(), fingerprint, now, staleBefore,
                            expiresAt, reply.bytes(), new GroupedStatements.Change(o, 0, e, traceContext.current())))
                            ? OrderChangeRows.Placed.PLACED
                            : alone.get());
        } catch (StorageException failure) {
            if (Sql.isUniqueViolation(failure)) {
                throw new IllegalStateException("an order with id " + o.id() + " exists", failure);
            }
            throw failure;
        }
        return switch (done) {
            case BUSY -> new Claim.Busy();
            // gone since the statement found it (expired and removed): the key is free, so try again
            case HELD -> keys.held(key).orElseGet(() ->
                    claimAndPlace(key, fingerprint, now, staleBefore, expiresAt, placed, changes, reply));
            case PLACED -> new Claim.Acquired();
        };
    }

    /** The statement, in the transaction's span: the outbox entry carries that span's trace context. */
    private OrderChangeRows.Placed place(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore,
                                        Instant expiresAt, StoredReply reply, OrderRow o, EventJson.Rows.One e) {
        var context = traceContext.current();
        return sql.call("claim an idempotency key and place order " + o.id(), () ->
                rows.claimAndInsertWithEvent(key.value(), fingerprint, now, staleBefore, expiresAt, reply.bytes(),
                        o.id(), o.version(), o.status(), o.customerId(), o.currency(), o.totalMinor(),
                        o.shipRecipient(), o.shipLine1(), o.shipLine2(), o.shipPostalCode(), o.shipCity(),
                        o.shipRegion(), o.shipCountry(), o.placedAt(), o.updatedAt(), o.confirmedAt(), o.shippedAt(),
                        o.carrier(), o.trackingNumber(), o.deliveredAt(), o.cancelledFrom(), o.cancelledAt(),
                        o.cancellationReason(), o.lineSkus(), o.lineQuantities(), o.lineUnitPrices(), context,
                        e.version(), e.eventType(), e.occurredAt(), e.payload()));
    }
}
