package dev.orderflow.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The domain counters on /prometheus: orders placed, transitions by kind, refusals by command and kind, and
 * idempotent replays.
 */
final class OrderMetrics {

    /** The commands that move an order along. */
    enum Transition { CONFIRM, SHIP, DELIVER, CANCEL }

    /** The commands, as tag values. */
    enum Command { PLACE, CONFIRM, SHIP, DELIVER, CANCEL }

    private final MeterRegistry registry;
    private final Counter placed;
    private final Counter replays;
    private final Map<Transition, Counter> transitions = new EnumMap<>(Transition.class);

    OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.placed = Counter.builder("orderflow.orders.placed")
                .description("Orders placed").register(registry);
        this.replays = Counter.builder("orderflow.orders.idempotent.replays")
                .description("POST /orders answered from a stored response of the same Idempotency-Key")
                .register(registry);
        for (var transition : Transition.values()) {
            transitions.put(transition, Counter.builder("orderflow.orders.transitions")
                    .description("Orders moved to a new state, by command")
                    .tag("kind", tag(transition)).register(registry));
        }
    }

    void placed() {
        placed.increment();
    }

    void replayed() {
        replays.increment();
    }

    void transitioned(Transition transition) {
        transitions.get(transition).increment();
    }

    /** A command that changed nothing: refused by the rules, unknown order, stale version, conflict, key reuse. */
    void refused(Command command, String kind) {
        // the registry keeps one counter per tag set; a lookup is a map access
        Counter.builder("orderflow.orders.rejections")
                .description("Commands that changed nothing, by command and kind")
                .tag("command", tag(command)).tag("kind", kind)
                .register(registry).increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
