package dev.orderflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding example of the README, as a plain JUnit test without any framework. */
class EmbeddingTest {

    @Test
    void an_embedder_wires_the_service_on_in_memory_storage_and_runs_an_order_to_delivery() {
        var clock = Clock.systemUTC();
        var orders = new OrderService(InMemoryStorage.create(), clock, new TimeOrderedIds(clock));
        var shop = new Actor.System("shop");

        var placed = (CommandResult.Accepted) orders.place(new NewOrder(new CustomerId("c-42"),
                List.of(new OrderLine(new Sku("BOOK-1"), new Quantity(2), Money.parse("12.50", "EUR"))),
                new ShippingAddress("Ada Lovelace", "1 Main St", "", "10115", "Berlin", "", "DE"), shop));
        var id = placed.order().id();
        orders.confirm(id, ExpectedVersion.any(), shop);
        orders.ship(id, ExpectedVersion.any(), new Carrier("DHL"), new TrackingNumber("JD0001"), shop);
        orders.deliver(id, ExpectedVersion.any(), shop);

        assertEquals(OrderStatus.DELIVERED, orders.get(id).orElseThrow().status());
        assertEquals("25.00 EUR", orders.get(id).orElseThrow().details().total().toString());
        assertEquals(4, orders.history(id).orElseThrow().size());
    }
}
