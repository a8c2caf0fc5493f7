package dev.orderflow.application.port.in;

import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.TrackingNumber;
import java.util.function.Function;

/** The ways to change orders: place one, and move it through its lifecycle. */
public interface OrderCommands {

    /** Places an order under a fresh id. */
    CommandResult place(NewOrder order);

    /**
     * Places an order at most once per idempotency key. The first request is carried out and
     * {@code respond} turns its result into the response stored with the key, in the same transaction as
     * the order; a retry with the same request gets that response back, a different request under the same
     * key is refused. Keys expire after the service's configured time to live. {@code respond} is called
     * before the key is claimed, whatever the claim then finds, so that a storage can write the claim, the
     * order and the response at once: it must not have side effects.
     */
    IdempotentResult place(NewOrder order, IdempotencyKey key, Function<CommandResult, StoredReply> respond);

    /** Confirms a pending order. */
    CommandResult confirm(OrderId id, ExpectedVersion expected, Actor actor);

    /** Ships a confirmed order with a carrier and tracking number. */
    CommandResult ship(OrderId id, ExpectedVersion expected, Carrier carrier, TrackingNumber trackingNumber,
                       Actor actor);

    /** Records that a shipped order was delivered. */
    CommandResult deliver(OrderId id, ExpectedVersion expected, Actor actor);

    /** Cancels a pending or confirmed order. */
    CommandResult cancel(OrderId id, ExpectedVersion expected, CancellationReason reason, Actor actor);
}
