package dev.orderflow.adapters.messaging;

import dev.orderflow.domain.OrderEvent;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventType;
import io.micronaut.serde.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads published records back into domain events, as a consumer of the orders topic would. */
final class WireEventsReader {

    private static final EventCodec CODEC = new EventCodec(ObjectMapper.getDefault());

    private WireEventsReader() {
    }

    static OrderEvent event(ConsumerRecord<String, byte[]> record) {
        var ceType = KafkaBroker.header(record, "ce_type");
        var type = EventType.byCloudEventsType(ceType)
                .orElseThrow(() -> new IllegalArgumentException("unknown ce_type " + ceType));
        return CODEC.read(type, record.value());
    }
}
