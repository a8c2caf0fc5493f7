package dev.orderflow.adapters.messaging;

import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Order events as Kafka records: key = order id, value = the event's JSON (schema version 1 of its type, written
 * by the events module's codec and pinned by its golden files), CloudEvents 1.0 binary-mode headers.
 */
final class WireEvents {

    private final EventCodec codec;
    private final String source;

    WireEvents(EventCodec codec, String source) {
        this.codec = codec;
        this.source = source;
    }

    /**
     * The entry's event as a record for {@code topic}. The JSON of a stored entry is sent as the outbox holds it:
     * the same codec wrote it, so the event is neither decoded nor written again.
     */
    ProducerRecord<String, byte[]> record(String topic, OutboxEntry entry) {
        return entry.stored()
                .map(stored -> record(topic, entry.orderId(), stored.version(), typeOf(entry, stored),
                        stored.occurredAt(), stored.serialized()))
                .orElseGet(() -> record(topic, entry.event()));
    }

    /** The event as a record for {@code topic}. */
    ProducerRecord<String, byte[]> record(String topic, OrderEvent event) {
        return record(topic, event.orderId(), event.version(), EventType.of(event), event.occurredAt(), body(event));
    }

    private ProducerRecord<String, byte[]> record(String topic, OrderId orderId, long version, EventType type,
                                                  Instant occurredAt, byte[] body) {
        var id = orderId.toString();
        var headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", OrderEvent.eventId(orderId, version).toString());
        header(headers, "ce_source", source);
        header(headers, "ce_type", type.cloudEventsType());
        header(headers, "ce_time", occurredAt.toString());
        header(headers, "ce_subject", id);
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(topic, null, id, body, headers);
    }

    private static EventType typeOf(OutboxEntry entry, OutboxEntry.Stored stored) {
        return EventType.byStoredName(stored.type()).orElseThrow(() -> new IllegalStateException(
                "outbox entry " + entry.sequence() + " has unknown event type " + stored.type()));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The event's JSON: schema version 1 of its type, the same JSON that is stored and listed. */
    byte[] body(OrderEvent event) {
        return codec.write(event);
    }
}
