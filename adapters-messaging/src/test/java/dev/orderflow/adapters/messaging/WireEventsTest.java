package dev.orderflow.adapters.messaging;

import static dev.orderflow.testkit.contract.ContractFixtures.cancelledLife;
import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the wire format. The golden files under {@code golden/} are the published schema of each event type:
 * when this test fails, the change breaks consumers and belongs in a new {@code .v2} type, not in the file.
 */
class WireEventsTest {

    static final OrderId ORDER = new OrderId(UUID.fromString("0195f3a2-7c4e-7d1a-9b3c-5e6f7a8b9c0d"));
    static final ObjectMapper JSON = ObjectMapper.getDefault();
    private final WireEvents wire = new WireEvents(JSON, "/orderflow");

    static Stream<Arguments> everyEventType() {
        var delivered = deliveredLife(ORDER);
        var cancelled = cancelledLife(ORDER);
        return Stream.of(
                Arguments.of("placed", delivered.get(0)),
                Arguments.of("confirmed", delivered.get(1)),
                Arguments.of("shipped", delivered.get(2)),
                Arguments.of("delivered", delivered.get(3)),
                Arguments.of("cancelled", cancelled.get(2)));
    }

    private static Map<String, Object> tree(byte[] json) throws IOException {
        return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventType")
    void each_event_type_has_the_shape_of_its_golden_file(String name, OrderEvent event) throws IOException {
        var path = "/golden/order." + name + ".v1.json";
        try (var golden = getClass().getResourceAsStream(path)) {
            assertNotNull(golden, path);
            assertEquals(tree(golden.readAllBytes()), tree(wire.body(event)), path);
        }
        assertEquals("dev.orderflow.order." + name + ".v1", WireEvents.type(event));
    }

    @Test
    void records_carry_the_order_id_as_key_and_cloud_events_headers() {
        var event = deliveredLife(ORDER).get(2);
        var record = wire.record("orderflow.orders.v1", event);
        assertEquals("orderflow.orders.v1", record.topic());
        assertEquals(ORDER.toString(), record.key());
        var headers = new LinkedHashMap<String, String>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertEquals(Map.of(
                "ce_specversion", "1.0",
                "ce_id", event.eventId().toString(),
                "ce_source", "/orderflow",
                "ce_type", "dev.orderflow.order.shipped.v1",
                "ce_time", "2026-03-01T12:00:03.123456Z",
                "ce_subject", ORDER.toString(),
                "content-type", "application/json"), headers);
        assertEquals(7, record.headers().toArray().length);
    }
}
