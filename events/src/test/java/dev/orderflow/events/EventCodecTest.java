package dev.orderflow.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins schema version 1. The golden files under {@code golden/} are the published shape of each event type, on
 * Kafka, in the event log and outbox, and in the REST API's event list: when this test fails, the change breaks
 * consumers and stored rows, and belongs in a new version, not in the file.
 */
class EventCodecTest {

    static final OrderId ORDER = new OrderId(UUID.fromString("0195f3a2-7c4e-7d1a-9b3c-5e6f7a8b9c0d"));
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");
    static final Actor ACTOR = Actor.parse("staff:contract-test");
    static final ObjectMapper JSON = ObjectMapper.getDefault();

    private final EventCodec codec = new EventCodec(JSON);

    /** One event of each type, as in the golden files. */
    static Stream<OrderEvent> everyEventType() {
        var lines = List.of(new OrderLine(new Sku("SKU-1"), new Quantity(2), Money.parse("10.00", "EUR")),
                new OrderLine(new Sku("SKU-2"), new Quantity(1), Money.parse("5.50", "EUR")));
        var address = new ShippingAddress("Grace Hopper", "2 Harbour Road", "Flat 3", "SW1A 1AA", "London", "", "GB");
        return Stream.of(
                new OrderEvent.OrderPlaced(ORDER, 1, T0, ACTOR, new CustomerId("cust-" + ORDER), lines, address,
                        Money.parse("25.50", "EUR")),
                new OrderEvent.OrderConfirmed(ORDER, 2, T0.plusSeconds(2), ACTOR),
                new OrderEvent.OrderShipped(ORDER, 3, T0.plusSeconds(3), ACTOR, new Carrier("DHL Express"),
                        new TrackingNumber("JD014600003SE")),
                new OrderEvent.OrderDelivered(ORDER, 4, T0.plusSeconds(4), ACTOR),
                new OrderEvent.OrderCancelled(ORDER, 3, T0.plusSeconds(3), ACTOR,
                        new CancellationReason("customer changed their mind")));
    }

    static byte[] golden(EventType type) throws IOException {
        var path = "/golden/" + type.cloudEventsType().substring("dev.orderflow.".length()) + ".json";
        try (var in = EventCodecTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return in.readAllBytes();
        }
    }

    private static Map<String, Object> tree(byte[] json) throws IOException {
        return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void each_event_is_written_in_the_shape_of_its_golden_file(OrderEvent event) throws IOException {
        var type = EventType.of(event);
        assertEquals(tree(golden(type)), tree(codec.write(event)), type.cloudEventsType());
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void each_golden_file_reads_back_as_the_event(OrderEvent event) throws IOException {
        assertEquals(event, codec.read(EventType.of(event), golden(EventType.of(event))));
    }

    @Test
    void every_type_has_an_event_and_the_names_are_distinct() {
        assertEquals(Arrays.asList(EventType.values()), everyEventType().map(EventType::of).toList());
        var names = new HashSet<String>();
        for (var type : EventType.values()) {
            assertTrue(names.add(type.storedName()), type.storedName());
            assertTrue(names.add(type.cloudEventsType()), type.cloudEventsType());
            assertEquals(type, EventType.byStoredName(type.storedName()).orElseThrow());
            assertEquals(type, EventType.byCloudEventsType(type.cloudEventsType()).orElseThrow());
        }
        assertEquals("OrderPlaced", EventType.OrderPlaced.storedName());
        assertEquals("dev.orderflow.order.placed.v1", EventType.OrderPlaced.cloudEventsType());
        assertTrue(EventType.byStoredName("OrderLost").isEmpty());
    }

    @Test
    void money_is_a_decimal_string_with_the_currency_s_minor_digits() {
        assertEquals(new MoneyV1("1200", "JPY"), EventCodec.money(Money.parse("1200", "JPY")));
        assertEquals(new MoneyV1("1.500", "BHD"), EventCodec.money(Money.parse("1.5", "BHD")));
        assertEquals(new MoneyV1("0.00", "EUR"), EventCodec.money(Money.parse("0", "EUR")));
    }

    @Test
    void a_type_serializes_as_its_stored_name() throws IOException {
        assertEquals("\"OrderShipped\"", new String(JSON.writeValueAsBytes(EventType.OrderShipped),
                StandardCharsets.UTF_8));
    }

    @Test
    void json_that_is_not_a_valid_event_of_the_type_is_refused_with_the_reason() {
        var missing = assertThrows(IllegalArgumentException.class, () -> codec.read(EventType.OrderShipped,
                """
                {"orderId": "%s", "version": 3, "occurredAt": "2026-03-01T12:00:03Z", "actor": "staff:ann"}"""
                        .formatted(ORDER).getBytes(StandardCharsets.UTF_8)));
        assertTrue(missing.getMessage().contains("carrier"), missing.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> codec.read(EventType.OrderConfirmed, "[]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class,
                () -> codec.read(EventType.OrderConfirmed, "null".getBytes(StandardCharsets.UTF_8)));
    }
}
