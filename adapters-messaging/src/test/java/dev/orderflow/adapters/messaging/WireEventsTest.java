package dev.orderflow.adapters.messaging;

import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static dev.orderflow.testkit.contract.ContractFixtures.cancelledLife;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderId;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventType;
import io.micronaut.serde.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Pins the Kafka record around an event: key, CloudEvents headers, and a value in schema version 1 (whose JSON the
 * events module's golden files pin).
 */
class WireEventsTest {

    static final OrderId ORDER = new OrderId(UUID.fromString("0195f3a2-7c4e-7d1a-9b3c-5e6f7a8b9c0d"));
    static final ObjectMapper JSON = ObjectMapper.getDefault();
    private final WireEvents wire = new WireEvents(new EventCodec(JSON), "/orderflow");

    @Test
    void the_value_is_the_event_in_schema_v1_and_reads_back_by_its_ce_type() {
        for (var event : deliveredLife(ORDER)) {
            var record = wire.record("orderflow.orders.v1", event);
            var type = EventType.byCloudEventsType(header(record, "ce_type")).orElseThrow();
            assertEquals(event, new EventCodec(JSON).read(type, record.value()));
        }
    }

    @Test
    void records_carry_the_order_id_as_key_and_cloud_events_headers() {
        var event = deliveredLife(ORDER).get(2);
        var record = wire.record("orderflow.orders.v1", event);
        assertEquals("orderflow.orders.v1", record.topic());
        assertEquals(ORDER.toString(), record.key());
        assertEquals(Map.of(
                "ce_specversion", "1.0",
                "ce_id", event.eventId().toString(),
                "ce_source", "/orderflow",
                "ce_type", "dev.orderflow.order.shipped.v1",
                "ce_time", "2026-03-01T12:00:03.123456Z",
                "ce_subject", ORDER.toString(),
                "content-type", "application/json"), headers(record));
        assertEquals(7, record.headers().toArray().length);
    }

    @Test
    void a_stored_entry_is_sent_as_stored_with_the_same_record_as_its_event_and_is_not_decoded() {
        var codec = new EventCodec(JSON);
        for (var event : deliveredLife(ORDER)) {
            var stored = new OutboxEntry.Stored(event.version(), EventType.of(event).storedName(),
                    event.occurredAt(), codec.write(event));
            var entry = OutboxEntry.stored(1, ORDER, stored, s -> {
                throw new AssertionError("decoded");
            }, Map.of());
            var fromStored = wire.record("orderflow.orders.v1", entry);
            var fromEvent = wire.record("orderflow.orders.v1", event);
            assertSame(stored.serialized(), fromStored.value());
            assertArrayEquals(fromEvent.value(), fromStored.value());
            assertEquals(fromEvent.key(), fromStored.key());
            assertEquals(headers(fromEvent), headers(fromStored));
        }
    }

    @Test
    void a_stored_entry_of_an_unknown_type_is_refused() {
        var stored = new OutboxEntry.Stored(1, "OrderTeleported", Instant.EPOCH, "{}".getBytes(StandardCharsets.UTF_8));
        var entry = OutboxEntry.stored(7, ORDER, stored, s -> {
            throw new AssertionError("decoded");
        }, Map.of());
        var failure = assertThrows(IllegalStateException.class, () -> wire.record("orderflow.orders.v1", entry));
        assertEquals("outbox entry 7 has unknown event type OrderTeleported", failure.getMessage());
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        var headers = new LinkedHashMap<String, String>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
