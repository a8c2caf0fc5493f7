package dev.orderflow.domain;

import static dev.orderflow.domain.Fixtures.*;
import static dev.orderflow.testkit.OrderFixture.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.domain.OrderCommand.CancelOrder;
import dev.orderflow.domain.OrderCommand.ConfirmOrder;
import dev.orderflow.domain.OrderCommand.DeliverOrder;
import dev.orderflow.domain.OrderCommand.ShipOrder;
import dev.orderflow.domain.Rejection.Invariant;
import dev.orderflow.testkit.Samples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderLifecycleTest {

    private static final ConfirmOrder CONFIRM = Samples.confirm(ORDER);
    private static final ShipOrder SHIP = Samples.ship(ORDER);
    private static final DeliverOrder DELIVER = Samples.deliver(ORDER);

    private static CancelOrder cancel() {
        return Samples.cancel(ORDER);
    }

    @Nested
    class Placing {
        @Test
        void a_new_order_is_placed_with_its_total() {
            given().when(place()).thenEvents(placed());
        }

        @Test
        void an_id_already_used_is_rejected() {
            var rejection = given(placed()).when(place()).thenRejected();
            assertEquals(new Rejection.AlreadyPlaced(ORDER), rejection);
        }

        @Test
        void an_order_without_lines_is_rejected() {
            given().when(place(List.of())).thenInvariantBroken(Invariant.AT_LEAST_ONE_LINE, "lines");
        }

        @Test
        void an_order_with_101_lines_is_rejected_and_100_are_accepted() {
            var lines = new ArrayList<OrderLine>();
            for (int i = 0; i < 101; i++) {
                lines.add(line("SKU-" + i, 1, "1.00"));
            }
            given().when(place(lines)).thenInvariantBroken(Invariant.AT_MOST_MAX_LINES, "lines");
            var accepted = given().when(place(lines.subList(0, 100))).thenAccepted();
            assertEquals(100, assertInstanceOf(OrderEvent.OrderPlaced.class, accepted.getFirst()).lines().size());
        }

        @Test
        void prices_in_two_currencies_are_rejected() {
            var usd = new OrderLine(new Sku("SKU-2"), new Quantity(1), Money.parse("1.00", "USD"));
            given().when(place(List.of(line("SKU-1", 1, "1.00"), usd)))
                    .thenInvariantBroken(Invariant.ONE_CURRENCY, "lines/1/unitPrice/currency");
        }

        @Test
        void a_sku_on_two_lines_is_rejected() {
            given().when(place(List.of(line("SKU-1", 1, "1.00"), line("SKU-1", 2, "1.00"))))
                    .thenInvariantBroken(Invariant.UNIQUE_SKU, "lines/1/sku");
        }

        @Test
        void a_line_total_beyond_a_long_is_rejected() {
            var huge = new OrderLine(new Sku("SKU-1"), new Quantity(10_000), new Money(Long.MAX_VALUE / 1000, EUR));
            given().when(place(List.of(huge))).thenInvariantBroken(Invariant.TOTAL_FITS, "lines/0");
        }

        @Test
        void an_order_total_beyond_a_long_is_rejected() {
            var half = new Money(Long.MAX_VALUE / 2 + 1, EUR);
            var lines = List.of(new OrderLine(new Sku("A"), new Quantity(1), half),
                    new OrderLine(new Sku("B"), new Quantity(1), half));
            given().when(place(lines)).thenInvariantBroken(Invariant.TOTAL_FITS, "lines/1");
        }
    }

    @Nested
    class AllowedTransitions {
        @Test
        void a_pending_order_is_confirmed() {
            given(placed()).when(CONFIRM).thenEvents(confirmed());
        }

        @Test
        void a_confirmed_order_is_shipped() {
            given(placed(), confirmed()).when(SHIP).thenEvents(shipped());
        }

        @Test
        void a_shipped_order_is_delivered() {
            given(placed(), confirmed(), shipped()).when(DELIVER).thenEvents(delivered());
        }

        @Test
        void a_pending_order_is_cancelled() {
            given(placed()).when(cancel()).thenEvents(cancelled(2));
        }

        @Test
        void a_confirmed_order_is_cancelled() {
            given(placed(), confirmed()).when(cancel()).thenEvents(cancelled(3));
        }
    }

    static Stream<Arguments> forbiddenTransitions() {
        var pending = List.<OrderEvent>of(placed());
        var confirmed = List.<OrderEvent>of(placed(), confirmed());
        var shipped = List.<OrderEvent>of(placed(), confirmed(), shipped());
        var delivered = List.<OrderEvent>of(placed(), confirmed(), shipped(), delivered());
        var cancelled = List.<OrderEvent>of(placed(), cancelled(2));
        return Stream.of(
                Arguments.of(confirmed, CONFIRM, OrderStatus.CONFIRMED, "confirm"),
                Arguments.of(shipped, CONFIRM, OrderStatus.SHIPPED, "confirm"),
                Arguments.of(delivered, CONFIRM, OrderStatus.DELIVERED, "confirm"),
                Arguments.of(cancelled, CONFIRM, OrderStatus.CANCELLED, "confirm"),
                Arguments.of(pending, SHIP, OrderStatus.PENDING, "ship"),
                Arguments.of(shipped, SHIP, OrderStatus.SHIPPED, "ship"),
                Arguments.of(delivered, SHIP, OrderStatus.DELIVERED, "ship"),
                Arguments.of(cancelled, SHIP, OrderStatus.CANCELLED, "ship"),
                Arguments.of(pending, DELIVER, OrderStatus.PENDING, "deliver"),
                Arguments.of(confirmed, DELIVER, OrderStatus.CONFIRMED, "deliver"),
                Arguments.of(delivered, DELIVER, OrderStatus.DELIVERED, "deliver"),
                Arguments.of(cancelled, DELIVER, OrderStatus.CANCELLED, "deliver"),
                Arguments.of(shipped, cancel(), OrderStatus.SHIPPED, "cancel"),
                Arguments.of(delivered, cancel(), OrderStatus.DELIVERED, "cancel"),
                Arguments.of(cancelled, cancel(), OrderStatus.CANCELLED, "cancel"));
    }

    @ParameterizedTest(name = "{3} from {2} is rejected")
    @MethodSource("forbiddenTransitions")
    void forbidden_transitions_are_rejected_with_the_current_state(List<OrderEvent> history, OrderCommand command,
                                                                   OrderStatus from, String verb) {
        var rejection = given(history).when(command).thenRejected();
        assertEquals(new Rejection.InvalidTransition(from, verb), rejection);
        assertEquals("cannot " + verb + " an order that is " + from.name().toLowerCase(), rejection.message());
    }

    @ParameterizedTest
    @MethodSource("transitionCommands")
    void commands_for_an_order_never_placed_are_rejected(OrderCommand command) {
        assertEquals(new Rejection.NotPlaced(ORDER), given().when(command).thenRejected());
    }

    static Stream<OrderCommand> transitionCommands() {
        return Stream.of(CONFIRM, SHIP, DELIVER, cancel());
    }

    @Test
    void a_command_for_another_order_is_a_programming_error() {
        var other = new ConfirmOrder(new OrderId(UUID.randomUUID()), CLERK, at(1));
        var state = OrderLifecycle.replay(List.of(placed()));
        assertThrows(IllegalArgumentException.class, () -> OrderLifecycle.decide(state, other));
    }

    @Nested
    class Evolving {
        @Test
        void replaying_the_full_history_gives_a_delivered_order_with_every_detail() {
            var state = OrderLifecycle.replay(List.of(placed(), confirmed(), shipped(), delivered()));
            var delivered = assertInstanceOf(Order.Delivered.class, state);
            assertEquals(4, delivered.version());
            assertEquals(eur("25.50"), delivered.details().total());
            assertEquals(at(1), delivered.confirmedAt());
            assertEquals(at(2), delivered.shippedAt());
            assertEquals(at(3), delivered.deliveredAt());
            assertEquals(new TrackingNumber("JD014600003SE"), delivered.trackingNumber());
            assertEquals(OrderStatus.DELIVERED, delivered.status());
            assertEquals(at(3), delivered.updatedAt());
        }

        @Test
        void a_cancelled_order_remembers_where_it_was_cancelled_from() {
            var state = OrderLifecycle.replay(List.of(placed(), confirmed(), cancelled(3)));
            var cancelled = assertInstanceOf(Order.Cancelled.class, state);
            assertEquals(OrderStatus.CONFIRMED, cancelled.cancelledFrom());
            assertEquals("customer changed their mind", cancelled.reason().text());
        }

        @Test
        void replay_refuses_gaps_and_foreign_events() {
            assertThrows(IllegalArgumentException.class,
                    () -> OrderLifecycle.replay(List.of(placed(), shipped())));
            var foreign = new OrderEvent.OrderConfirmed(new OrderId(UUID.randomUUID()), 2, at(1), CLERK);
            assertThrows(IllegalArgumentException.class, () -> OrderLifecycle.replay(List.of(placed(), foreign)));
            assertThrows(IllegalArgumentException.class,
                    () -> OrderLifecycle.replay(Arrays.asList(placed(), confirmed(), confirmed())));
        }
    }

    @Test
    void event_ids_are_stable_and_distinct_per_version() {
        assertEquals(placed().eventId(), placed().eventId());
        assertEquals(false, placed().eventId().equals(confirmed().eventId()));
    }
}
