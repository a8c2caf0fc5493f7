package dev.orderflow.testkit;

import dev.orderflow.domain.Decision;
import dev.orderflow.domain.OrderCommand;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderLifecycle;
import dev.orderflow.domain.OrderState;
import dev.orderflow.domain.Rejection;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Given events, when a command, then events or a rejection: a test of the order rules in one line, with a
 * failure message that tells the whole scenario.
 *
 * <pre>{@code
 * given(placed(ORDER)).when(confirm(ORDER)).thenEvents(confirmed(ORDER));
 * given().when(confirm(ORDER)).thenRejected(new Rejection.NotPlaced(ORDER));
 * }</pre>
 */
public final class OrderFixture {

    private OrderFixture() {
    }

    /** The order's events so far, oldest first; none for an order not placed yet. */
    public static Given given(OrderEvent... history) {
        return new Given(List.of(history));
    }

    /** The order's events so far, oldest first. */
    public static Given given(List<? extends OrderEvent> history) {
        return new Given(List.copyOf(history));
    }

    /** An order's history; give it a command next. */
    public static final class Given {

        private final List<OrderEvent> history;

        private Given(List<OrderEvent> history) {
            this.history = history;
        }

        /** Decides the command on the state the history leads to. */
        public Then when(OrderCommand command) {
            Objects.requireNonNull(command, "command");
            OrderState state;
            try {
                state = OrderLifecycle.replay(history);
            } catch (RuntimeException e) {
                throw new AssertionFailedError(scenario(history, command)
                        + "\nbut the given events are no valid history: " + e.getMessage(), e);
            }
            return new Then(history, command, OrderLifecycle.decide(state, command));
        }
    }

    /** What the command led to; check it with one of the {@code then} methods. */
    public static final class Then {

        private final List<OrderEvent> history;
        private final OrderCommand command;
        private final Decision decision;

        private Then(List<OrderEvent> history, OrderCommand command, Decision decision) {
            this.history = history;
            this.command = command;
            this.decision = decision;
        }

        /** Asserts that the command was accepted with exactly these events, in this order. */
        public void thenEvents(OrderEvent... expected) {
            var wanted = List.of(expected);
            switch (decision) {
                case Decision.Accepted accepted -> {
                    if (!accepted.events().equals(wanted)) {
                        throw new AssertionFailedError(scenario(history, command) + "\nthen events" + lines(wanted)
                                + "\nbut got events" + lines(accepted.events()) + firstDifference(wanted,
                                accepted.events()), wanted, accepted.events());
                    }
                }
                case Decision.Rejected rejected -> throw new AssertionFailedError(scenario(history, command)
                        + "\nthen events" + lines(wanted) + "\nbut the command was rejected: "
                        + describe(rejected.rejection()), wanted, rejected.rejection());
            }
        }

        /** Asserts that the command was accepted, and returns its events, for further checks. */
        public List<OrderEvent> thenAccepted() {
            return switch (decision) {
                case Decision.Accepted accepted -> accepted.events();
                case Decision.Rejected rejected -> throw new AssertionFailedError(scenario(history, command)
                        + "\nthen accepted\nbut the command was rejected: " + describe(rejected.rejection()));
            };
        }

        /** Asserts that the command broke this invariant at this field (a JSON pointer into the command). */
        public void thenInvariantBroken(Rejection.Invariant invariant, String field) {
            var rejection = thenRejected();
            if (!(rejection instanceof Rejection.InvariantBroken broken) || broken.invariant() != invariant
                    || !broken.field().equals(field)) {
                throw new AssertionFailedError(scenario(history, command) + "\nthen invariant " + invariant
                        + " broken at " + field + "\nbut rejected: " + describe(rejection));
            }
        }

        /** Asserts that the command was rejected for exactly this reason. */
        public void thenRejected(Rejection expected) {
            var rejection = thenRejected();
            if (!rejection.equals(expected)) {
                throw new AssertionFailedError(scenario(history, command) + "\nthen rejected: " + describe(expected)
                        + "\nbut rejected: " + describe(rejection), expected, rejection);
            }
        }

        /** Asserts that the command was rejected, and returns why, for further checks. */
        public Rejection thenRejected() {
            return switch (decision) {
                case Decision.Rejected rejected -> rejected.rejection();
                case Decision.Accepted accepted -> throw new AssertionFailedError(scenario(history, command)
                        + "\nthen a rejection\nbut the command was accepted with events" + lines(accepted.events()));
            };
        }
    }

    private static String scenario(List<OrderEvent> history, OrderCommand command) {
        return "given" + (history.isEmpty() ? " no events" : lines(history)) + "\nwhen\n  " + command;
    }

    private static String lines(List<?> items) {
        return items.isEmpty() ? " (none)" : items.stream().map(item -> "\n  " + item).collect(Collectors.joining());
    }

    private static String describe(Rejection rejection) {
        return rejection + " (" + rejection.message() + ")";
    }

    private static String firstDifference(List<OrderEvent> expected, List<OrderEvent> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "\nfirst difference at event " + (i + 1) + ": " + fieldsDiffering(expected.get(i), actual.get(i));
            }
        }
        return "\n" + expected.size() + " events expected, " + actual.size() + " got";
    }

    /** The record components in which two events differ, or their types when those differ. */
    private static String fieldsDiffering(OrderEvent expected, OrderEvent actual) {
        if (expected.getClass() != actual.getClass()) {
            return "expected " + expected.getClass().getSimpleName() + ", got " + actual.getClass().getSimpleName();
        }
        return Arrays.stream(expected.getClass().getRecordComponents())
                .filter(component -> !Objects.equals(value(component, expected), value(component, actual)))
                .map(component -> component.getName() + " expected " + value(component, expected) + " but was "
                        + value(component, actual))
                .collect(Collectors.joining("; "));
    }

    private static Object value(java.lang.reflect.RecordComponent component, OrderEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + event, e);
        }
    }
}
