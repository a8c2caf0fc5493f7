package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.IdempotentResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.OrderPage;
import dev.orderflow.application.port.in.OrderQueries;
import dev.orderflow.application.port.in.PageRequest;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.TrackingNumber;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * In-ports that answer what a test sets, for outcomes real storage produces only under races (conflicts
 * after retries, keys in flight), and a route that fails on demand, for the problem types no order request
 * provokes.
 */
@Singleton
@Requires(env = StubCommands.ENVIRONMENT)
class StubCommands implements OrderCommands, OrderQueries {

    static final String ENVIRONMENT = "stub-commands";

    volatile CommandResult next;
    volatile IdempotentResult nextIdempotent;
    /** The MDC on the thread that ran the last transition. */
    volatile Map<String, String> mdc = Map.of();
    /** The thread that ran the last transition. */
    volatile Thread thread;

    @Override
    public CommandResult place(NewOrder order) {
        return next;
    }

    @Override
    public IdempotentResult place(NewOrder order, IdempotencyKey key,
                                  Function<CommandResult, StoredReply> respond) {
        return nextIdempotent;
    }

    @Override
    public CommandResult confirm(OrderId id, ExpectedVersion expected, Actor actor) {
        mdc = Objects.requireNonNullElse(MDC.getCopyOfContextMap(), Map.of());
        thread = Thread.currentThread();
        return next;
    }

    @Override
    public CommandResult ship(OrderId id, ExpectedVersion expected, Carrier carrier, TrackingNumber trackingNumber,
                              Actor actor) {
        return next;
    }

    @Override
    public CommandResult deliver(OrderId id, ExpectedVersion expected, Actor actor) {
        return next;
    }

    @Override
    public CommandResult cancel(OrderId id, ExpectedVersion expected, CancellationReason reason, Actor actor) {
        return next;
    }

    @Override
    public Optional<Order> get(OrderId id) {
        throw new IllegalStateException("SELECT * FROM orders WHERE id = '" + id + "' failed: connection reset");
    }

    @Override
    public OrderPage list(OrderFilter filter, PageRequest page) {
        return new OrderPage(List.of(), Optional.empty());
    }

    @Override
    public Optional<List<OrderEvent>> history(OrderId id) {
        return Optional.empty();
    }

    /** Fails with the status in the path, as an authentication filter or a rate limiter would. */
    @Controller("/test/status")
    @Requires(env = ENVIRONMENT)
    @io.micronaut.security.annotation.Secured(io.micronaut.security.rules.SecurityRule.IS_ANONYMOUS)
    static class Failing {
        @Get("/{code}")
        String fail(int code) {
            throw new HttpStatusException(HttpStatus.valueOf(code), "internal detail that must not leak");
        }
    }
}
