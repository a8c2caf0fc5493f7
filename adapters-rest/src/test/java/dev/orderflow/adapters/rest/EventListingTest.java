package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import java.time.Instant;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventType;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event in {@code GET /orders/{id}/events} is its id and type name, then exactly its JSON of schema v1. */
class EventListingTest {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private static Map<String, Object> tree(byte[] json) throws IOException {
        return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
    }

    @Test
    void each_listed_event_is_its_id_and_type_then_the_members_of_its_published_json() throws IOException {
        var order = new OrderId(UUID.randomUUID());
        var at = Instant.parse("2026-03-01T12:00:00.123Z");
        var actor = new Actor.Staff("ann");
        var events = List.<OrderEvent>of(
                new OrderEvent.OrderPlaced(order, 1, at, actor, new CustomerId("c-42"),
                        List.of(new OrderLine(new Sku("BOOK-1"), new Quantity(2), Money.parse("12.50", "EUR"))),
                        new ShippingAddress("Ada Lovelace", "1 Main St", "", "10115", "Berlin", "", "DE"),
                        Money.parse("25.00", "EUR")),
                new OrderEvent.OrderConfirmed(order, 2, at, actor),
                new OrderEvent.OrderShipped(order, 3, at, actor, new Carrier("DHL"), new TrackingNumber("JD0001")),
                new OrderEvent.OrderDelivered(order, 4, at, actor),
                new OrderEvent.OrderCancelled(order, 3, at, actor, new CancellationReason("changed mind")));
        var codec = new EventCodec(JSON);
        for (var event : events) {
            var listed = JSON.writeValueAsBytes(OrderMapping.json(event));
            var expected = new LinkedHashMap<String, Object>();
            expected.put("eventId", event.eventId().toString());
            expected.put("type", EventType.of(event).storedName());
            expected.putAll(tree(codec.write(event)));
            assertEquals(expected, tree(listed));
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(tree(listed).keySet()), "member order");
        }
    }
}
