package dev.orderflow.testkit;

import static dev.orderflow.testkit.OrderFixture.given;
import static dev.orderflow.testkit.Samples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.Rejection;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The order rules through the fixture, and the fixture's failure messages. */
class OrderFixtureTest {

    @Test
    void an_order_is_placed_confirmed_shipped_and_delivered() {
        given().when(place(ORDER)).thenEvents(placed(ORDER));
        given(placed(ORDER)).when(confirm(ORDER)).thenEvents(confirmed(ORDER));
        given(placed(ORDER), confirmed(ORDER)).when(ship(ORDER)).thenEvents(shipped(ORDER));
        given(placed(ORDER), confirmed(ORDER), shipped(ORDER)).when(deliver(ORDER)).thenEvents(delivered(ORDER));
    }

    @Test
    void a_pending_or_confirmed_order_can_be_cancelled_a_shipped_one_not() {
        given(placed(ORDER)).when(cancel(ORDER)).thenEvents(cancelled(ORDER, 2));
        given(placed(ORDER), confirmed(ORDER)).when(cancel(ORDER)).thenEvents(cancelled(ORDER, 3));
        given(placed(ORDER), confirmed(ORDER), shipped(ORDER)).when(cancel(ORDER))
                .thenRejected(new Rejection.InvalidTransition(OrderStatus.SHIPPED, "cancel"));
    }

    @Test
    void an_order_is_placed_once_and_changed_only_after() {
        given(placed(ORDER)).when(place(ORDER)).thenRejected(new Rejection.AlreadyPlaced(ORDER));
        given().when(confirm(ORDER)).thenRejected(new Rejection.NotPlaced(ORDER));
    }

    @Test
    void expecting_other_events_tells_the_scenario_and_the_field_that_differs() {
        var failure = assertThrows(AssertionFailedError.class,
                () -> given(placed(ORDER)).when(confirm(ORDER)).thenEvents(confirmed(SequentialOrderIds.nth(2))));
        assertEquals("""
                given
                  %s
                when
                  %s
                then events
                  %s
                but got events
                  %s
                first difference at event 1: orderId expected %s but was %s""".formatted(placed(ORDER),
                confirm(ORDER), confirmed(SequentialOrderIds.nth(2)), confirmed(ORDER), SequentialOrderIds.nth(2),
                ORDER), failure.getMessage());
    }

    @Test
    void expecting_events_of_a_rejected_command_names_the_rejection_and_its_reason() {
        var failure = assertThrows(AssertionFailedError.class,
                () -> given().when(confirm(ORDER)).thenEvents(confirmed(ORDER)));
        var rejection = new Rejection.NotPlaced(ORDER);
        assertEquals("given no events\nwhen\n  " + confirm(ORDER) + "\nthen events\n  " + confirmed(ORDER)
                + "\nbut the command was rejected: " + rejection + " (" + rejection.message() + ")",
                failure.getMessage());
    }

    @Test
    void expecting_a_rejection_of_an_accepted_command_lists_the_events() {
        var failure = assertThrows(AssertionFailedError.class,
                () -> given(placed(ORDER)).when(confirm(ORDER)).thenRejected());
        assertEquals("given\n  " + placed(ORDER) + "\nwhen\n  " + confirm(ORDER)
                + "\nthen a rejection\nbut the command was accepted with events\n  " + confirmed(ORDER),
                failure.getMessage());
    }

    @Test
    void a_history_that_does_not_follow_is_reported_as_such() {
        var failure = assertThrows(AssertionFailedError.class,
                () -> given(confirmed(ORDER)).when(ship(ORDER)).thenEvents(shipped(ORDER)));
        assertEquals(true, failure.getMessage().contains("but the given events are no valid history: "),
                failure.getMessage());
    }
}
