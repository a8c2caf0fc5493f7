package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.domain.Actor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderMappingTest {

    private static final Actor API = new Actor.System("api");

    private static OrderJson.NewLine line(String sku, int quantity, String amount, String currency) {
        return new OrderJson.NewLine(sku, quantity, new OrderJson.Money(amount, currency));
    }

    private static OrderJson.Address address(String country) {
        return new OrderJson.Address("Ada", "1 Main St", null, "10115", "Berlin", null, country);
    }

    @Test
    void a_valid_request_maps_to_the_new_order() {
        var order = OrderMapping.newOrder(new OrderJson.PlaceOrder(" c-42 ",
                List.of(line("BOOK-1", 2, "12.50", "EUR")), address("DE")), API);
        assertEquals("c-42", order.customerId().value());
        assertEquals(1250, order.lines().getFirst().unitPrice().minorUnits());
        assertEquals("", order.shippingAddress().line2());
        assertEquals(API, order.actor());
    }

    @Test
    void every_refused_value_is_reported_at_its_json_pointer() {
        var request = new OrderJson.PlaceOrder("-bad", List.of(line("BOOK-1", 0, "12.50", "EUR"),
                line("bad sku", 1, "1.005", "EUR"), line("PEN", 1, "1.00", "XYZ")), address("XX"));
        var refused = assertThrows(InvalidRequest.class, () -> OrderMapping.newOrder(request, API));
        assertEquals(List.of("/customerId", "/lines/0/quantity", "/lines/1/sku", "/lines/1/unitPrice/amount",
                "/lines/2/unitPrice/currency", "/shippingAddress/country"),
                refused.errors().stream().map(Problem.FieldError::pointer).toList());
    }

    @Test
    void an_order_maps_to_json_with_the_members_of_its_state() {
        var json = OrderMapping.json(Orders.shipped());
        assertEquals("SHIPPED", json.status());
        assertEquals(3, json.version());
        assertEquals("DHL", json.carrier());
        assertEquals("JD0001", json.trackingNumber());
        assertEquals("2025-03-01T10:01:00Z", json.confirmedAt());
        assertEquals("2025-03-01T10:02:00Z", json.updatedAt());
        assertNull(json.deliveredAt());
        assertEquals(new OrderJson.Money("25.00", "EUR"), json.total());
        assertEquals(new OrderJson.Money("25.00", "EUR"), json.lines().getFirst().total());
    }
}
