package dev.orderflow.adapters.messaging;

import dev.orderflow.domain.OrderEvent;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventType;
import java.nio.charset.StandardCharsets;
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

    /** The event as a record for {@code topic}. */
    ProducerRecord<String, byte[]> record(String topic, OrderEvent event) {
        var id = event.orderId().toString();
        var headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.eventId().toString());
        header(headers, "ce_source", source);
        header(headers, "ce_type", EventType.of(event).cloudEventsType());
        header(headers, "ce_time", event.occurredAt().toString());
        header(headers, "ce_subject", id);
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(topic, null, id, body(event), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The event's JSON: schema version 1 of its type, the same JSON that is stored and listed. */
    byte[] body(OrderEvent event) {
        return codec.write(event);
    }
}
