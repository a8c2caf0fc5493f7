package dev.orderflow.testkit.example;

import static dev.orderflow.testkit.OrderFixture.given;
import static dev.orderflow.testkit.Samples.*;
import org.junit.jupiter.api.Test;

class ConfirmOrderTest {
    @Test
    void a_placed_order_can_be_confirmed() {
        given(placed(ORDER)).when(confirm(ORDER)).thenEvents(confirmed(ORDER));
    }
}
