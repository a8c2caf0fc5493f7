package dev.orderflow.application;

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
import dev.orderflow.application.port.out.KeyedPlacements;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import dev.orderflow.application.port.out.OrderChanges;
import dev.orderflow.application.port.out.OrderEventLog;
import dev.orderflow.application.port.out.OrderIdSource;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.Orders;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.Decision;
import dev.orderflow.domain.Evolution;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderCommand;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLifecycle;
import dev.orderflow.domain.OrderState;
import dev.orderflow.domain.TrackingNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out the order use cases: loads the order, lets {@link OrderLifecycle} decide, and stores the new
 * state, its events and their outbox entries with one call of {@link OrderChanges} (or {@link KeyedPlacements}),
 * which is all or nothing. It opens no transaction of its own: the load needs none, since the change is stored
 * only at the version it was decided on (PostgreSQL commits the change's one statement by itself), and a caller's
 * transaction is joined. When another writer changed the order in between, it tries again from a fresh load, a
 * bounded number of times.
 */
public final class OrderService implements OrderCommands, OrderQueries {

    private final Orders orders;
    private final OrderEventLog eventLog;
    private final OrderChanges changes;
    private final KeyedPlacements placements;
    private final InstantSource clock;
    private final OrderIdSource ids;
    private final Settings settings;

    /** How the service behaves where there is a choice. */
    public record Settings(int maxAttempts, Duration idempotencyKeyTtl, Duration abandonedClaimAfter) {

        /** Three attempts, keys kept for 24 hours, unfinished claims taken over after 60 seconds. */
        public static final Settings DEFAULTS = new Settings(3, Duration.ofHours(24), Duration.ofSeconds(60));

        /** Refuses non-positive values. */
        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (idempotencyKeyTtl.isNegative() || idempotencyKeyTtl.isZero()
                    || abandonedClaimAfter.isNegative() || abandonedClaimAfter.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
    }

    /** A service on the ports of one storage, with {@link Settings#DEFAULTS}. */
    public OrderService(OrderStorage storage, InstantSource clock, OrderIdSource ids) {
        this(storage, clock, ids, Settings.DEFAULTS);
    }

    /** A service on the ports of one storage, of which it uses the orders, their log, the changes and placements. */
    public OrderService(OrderStorage storage, InstantSource clock, OrderIdSource ids, Settings settings) {
        this(storage.orders(), storage.eventLog(), storage.changes(), storage.placements(), clock, ids, settings);
    }

    /**
     * A service on the ports it uses: the orders, their event log, and the recording of changes (state, event
     * log and outbox) and of placements under idempotency keys (all from one storage).
     */
    public OrderService(Orders orders, OrderEventLog eventLog, OrderChanges changes, KeyedPlacements placements,
                        InstantSource clock, OrderIdSource ids, Settings settings) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.placements = Objects.requireNonNull(placements, "placements");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public CommandResult place(NewOrder order) {
        return switch (decide(order)) {
            case Placing.Refused refused -> refused.result();
            case Placing.Ready ready -> switch (changes.record(ready.order(), 0, ready.events())) {
                case SAVED -> ready.result();
                case CONFLICT -> throw new IllegalStateException(
                        "order id " + ready.order().id() + " was handed out twice");
            };
        };
    }

    @Override
    public IdempotentResult place(NewOrder order, IdempotencyKey key,
                                  Function<CommandResult, StoredReply> respond) {
        var fingerprint = order.fingerprint();
        var now = clock.instant();
        // the claim, the order and the stored reply in one call that keeps all or nothing, so a failed placement
        // leaves the key free and a successful one costs a single commit; the reply is made before the claim, so
        // that a storage can write all three at once
        var placing = decide(order);
        var result = placing.result();
        var response = respond.apply(result);
        return switch (placements.claimAndPlace(key, fingerprint, now, now.minus(settings.abandonedClaimAfter()),
                now.plus(settings.idempotencyKeyTtl()), placing.placed(), placing.events(), response)) {
            case Claim.Completed completed -> completed.fingerprint().equals(fingerprint)
                    ? new IdempotentResult.Replayed(completed.response())
                    : new IdempotentResult.KeyReused();
            case Claim.InFlight inFlight -> inFlight.fingerprint().equals(fingerprint)
                    ? new IdempotentResult.InFlight()
                    : new IdempotentResult.KeyReused();
            case Claim.Busy busy -> new IdempotentResult.InFlight();
            case Claim.Acquired acquired -> new IdempotentResult.Executed(result, response);
        };
    }

    /** What a placement comes to before anything is written: refused, or a new order with its events. */
    private sealed interface Placing {
        CommandResult result();

        Optional<Order> placed();

        List<OrderEvent> events();

        record Refused(CommandResult.Rejected result) implements Placing {
            @Override
            public Optional<Order> placed() {
                return Optional.empty();
            }

            @Override
            public List<OrderEvent> events() {
                return List.of();
            }
        }

        record Ready(Order order, List<OrderEvent> events) implements Placing {
            @Override
            public CommandResult result() {
                return new CommandResult.Accepted(order, events);
            }

            @Override
            public Optional<Order> placed() {
                return Optional.of(order);
            }
        }
    }

    private Placing decide(NewOrder order) {
        var id = ids.next();
        var command = new OrderCommand.PlaceOrder(id, order.customerId(), order.lines(), order.shippingAddress(),
                order.actor(), clock.instant());
        return switch (OrderLifecycle.decide(OrderState.none(), command)) {
            case Decision.Rejected rejected ->
                    new Placing.Refused(new CommandResult.Rejected(rejected.rejection(), Optional.empty()));
            case Decision.Accepted accepted ->
                    new Placing.Ready(evolve(OrderState.none(), accepted.events()), accepted.events());
        };
    }

    @Override
    public CommandResult confirm(OrderId id, ExpectedVersion expected, Actor actor) {
        return transition(id, expected, at -> new OrderCommand.ConfirmOrder(id, actor, at));
    }

    @Override
    public CommandResult ship(OrderId id, ExpectedVersion expected, Carrier carrier, TrackingNumber trackingNumber,
                              Actor actor) {
        return transition(id, expected, at -> new OrderCommand.ShipOrder(id, carrier, trackingNumber, actor, at));
    }

    @Override
    public CommandResult deliver(OrderId id, ExpectedVersion expected, Actor actor) {
        return transition(id, expected, at -> new OrderCommand.DeliverOrder(id, actor, at));
    }

    @Override
    public CommandResult cancel(OrderId id, ExpectedVersion expected, CancellationReason reason, Actor actor) {
        return transition(id, expected, at -> new OrderCommand.CancelOrder(id, reason, actor, at));
    }

    private CommandResult transition(OrderId id, ExpectedVersion expected, Function<Instant, OrderCommand> command) {
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            var outcome = attempt(id, expected, command);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        return new CommandResult.Conflict(id);
    }

    /** One try at a transition; empty when another writer saved the order first. */
    private Optional<CommandResult> attempt(OrderId id, ExpectedVersion expected,
                                            Function<Instant, OrderCommand> command) {
        var loaded = orders.load(id);
        if (loaded.isEmpty()) {
            return Optional.of(new CommandResult.NotFound(id));
        }
        var current = loaded.get();
        if (expected instanceof ExpectedVersion.Exactly exactly && exactly.version() != current.version()) {
            return Optional.of(new CommandResult.VersionMismatch(current));
        }
        return switch (OrderLifecycle.decide(current, command.apply(clock.instant()))) {
            case Decision.Rejected rejected ->
                    Optional.of(new CommandResult.Rejected(rejected.rejection(), Optional.of(current)));
            case Decision.Accepted accepted -> switch (record(current, current.version(), accepted.events())) {
                case Recorded recorded -> Optional.of(new CommandResult.Accepted(recorded.order(), accepted.events()));
                case Lost lost -> Optional.empty();
            };
        };
    }

    private sealed interface Write {
    }

    private record Recorded(Order order) implements Write {
    }

    private record Lost() implements Write {
    }

    /** Saves the state the events lead to, with the events in the log and the outbox. */
    private Write record(OrderState current, long expectedVersion, List<OrderEvent> events) {
        var order = evolve(current, events);
        return switch (changes.record(order, expectedVersion, events)) {
            case CONFLICT -> new Lost();
            case SAVED -> new Recorded(order);
        };
    }

    /** The order that accepted events lead to from the current state. */
    private static Order evolve(OrderState current, List<OrderEvent> events) {
        OrderState next = current;
        for (var event : events) {
            next = switch (OrderLifecycle.evolve(next, event)) {
                case Evolution.Applied applied -> applied.order();
                case Evolution.Ignored ignored -> throw new IllegalStateException(
                        "an accepted event does not follow from the state: " + ignored.reason());
            };
        }
        if (!(next instanceof Order order)) {
            throw new IllegalStateException("accepted events led to no order");
        }
        return order;
    }

    @Override
    public Optional<Order> get(OrderId id) {
        return orders.load(id);
    }

    @Override
    public OrderPage list(OrderFilter filter, PageRequest page) {
        return orders.list(filter, page);
    }

    @Override
    public Optional<List<OrderEvent>> history(OrderId id) {
        var events = eventLog.history(id);
        return events.isEmpty() ? Optional.empty() : Optional.of(events);
    }
}
