package dev.orderflow.domain;

import static dev.orderflow.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link OrderLifecycle#evolve}: an event that follows is applied; any other is ignored with its reason. */
class EvolutionTest {

    /** Events that already happened. */
    private record History(List<OrderEvent> events) {
        Evolved evolve(OrderEvent event) {
            var before = OrderLifecycle.replay(events);
            return new Evolved(before, OrderLifecycle.evolve(before, event));
        }
    }

    /** What applying one more event to the state of a history gave. */
    private record Evolved(OrderState before, Evolution evolution) {
        void thenApplied(Class<? extends Order> expected) {
            var applied = assertInstanceOf(Evolution.Applied.class, evolution);
            assertInstanceOf(expected, applied.order());
            assertSame(applied.order(), applied.state());
        }

        void thenIgnoredBecause(Evolution.Reason reason) {
            var ignored = assertInstanceOf(Evolution.Ignored.class, evolution);
            assertEquals(reason, ignored.reason());
            assertEquals(before, ignored.state());
        }
    }

    private static History given(OrderEvent... events) {
        return new History(List.of(events));
    }

    @Test
    void an_event_that_follows_is_applied() {
        given(placed()).evolve(confirmed()).thenApplied(Order.Confirmed.class);
        given().evolve(placed()).thenApplied(Order.Pending.class);
    }

    @Test
    void an_event_of_another_order_is_ignored() {
        var foreign = new OrderEvent.OrderConfirmed(new OrderId(UUID.randomUUID()), 2, at(1), CLERK);
        given(placed()).evolve(foreign).thenIgnoredBecause(Evolution.Reason.OTHER_ORDER);
    }

    @Test
    void an_event_whose_version_is_not_the_next_is_ignored() {
        given(placed()).evolve(delivered()).thenIgnoredBecause(Evolution.Reason.NOT_NEXT_VERSION);
        given(placed()).evolve(placed()).thenIgnoredBecause(Evolution.Reason.NOT_NEXT_VERSION);
        given().evolve(confirmed()).thenIgnoredBecause(Evolution.Reason.NOT_NEXT_VERSION);
    }

    @Test
    void an_event_the_rules_do_not_allow_in_the_state_is_ignored() {
        var shippedAtTwo = new OrderEvent.OrderShipped(ORDER, 2, at(2), CLERK, new Carrier("DHL"),
                new TrackingNumber("JD0001"));
        given(placed()).evolve(shippedAtTwo).thenIgnoredBecause(Evolution.Reason.TRANSITION_NOT_ALLOWED);
        var confirmedAtOne = new OrderEvent.OrderConfirmed(ORDER, 1, at(1), CLERK);
        given().evolve(confirmedAtOne).thenIgnoredBecause(Evolution.Reason.TRANSITION_NOT_ALLOWED);
        given(placed(), cancelled(2)).evolve(new OrderEvent.OrderConfirmed(ORDER, 3, at(3), CLERK))
                .thenIgnoredBecause(Evolution.Reason.TRANSITION_NOT_ALLOWED);
    }

    @Test
    void a_pending_order_evolves_only_by_confirmation_or_cancellation() {
        var next = 2;
        for (var event : List.<OrderEvent>of(
                new OrderEvent.OrderPlaced(ORDER, next, at(1), CLERK, CUSTOMER, List.of(line("SKU-1", 1, "1.00")),
                        ADDRESS, eur("1.00")),
                new OrderEvent.OrderShipped(ORDER, next, at(1), CLERK, new Carrier("DHL"),
                        new TrackingNumber("JD0001")),
                new OrderEvent.OrderDelivered(ORDER, next, at(1), CLERK))) {
            given(placed()).evolve(event).thenIgnoredBecause(Evolution.Reason.TRANSITION_NOT_ALLOWED);
        }
        given(placed()).evolve(cancelled(2)).thenApplied(Order.Cancelled.class);
    }
}
