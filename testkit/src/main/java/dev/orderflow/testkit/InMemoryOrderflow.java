package dev.orderflow.testkit;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.OutboxRelay;
import dev.orderflow.application.memory.InMemoryEventPublisher;
import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.out.OrderStorage;

/**
 * orderflow in the heap, for tests: the order service on in-memory storage, with a {@link ManualClock}
 * that starts at {@link Samples#T0} and {@link SequentialOrderIds}, so that every time and id in a result is
 * known in advance. Events relayed from the outbox end up in {@link #published()}.
 */
public final class InMemoryOrderflow {

    private final ManualClock clock = new ManualClock(Samples.T0);
    private final SequentialOrderIds ids = new SequentialOrderIds();
    private final OrderStorage storage = InMemoryStorage.create();
    private final OrderService service = new OrderService(storage, clock, ids);
    private final InMemoryEventPublisher published = new InMemoryEventPublisher();
    private final OutboxRelay relay = new OutboxRelay(storage.outbox(), published, clock);

    private InMemoryOrderflow() {
    }

    /** A new orderflow holding no orders. */
    public static InMemoryOrderflow create() {
        return new InMemoryOrderflow();
    }

    /** The order service: commands and queries. */
    public OrderService orders() {
        return service;
    }

    /** The clock every part of this orderflow reads. */
    public ManualClock clock() {
        return clock;
    }

    /** Where new order ids come from: the first order placed gets {@code SequentialOrderIds.nth(1)}. */
    public SequentialOrderIds ids() {
        return ids;
    }

    /** The storage ports, to look behind the service. */
    public OrderStorage storage() {
        return storage;
    }

    /** Publishes everything waiting in the outbox and returns the publisher that received it. */
    public InMemoryEventPublisher published() {
        relay.drain();
        return published;
    }
}
