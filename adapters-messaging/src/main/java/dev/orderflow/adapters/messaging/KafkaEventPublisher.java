package dev.orderflow.adapters.messaging;

import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes outbox entries to the orders topic and waits for the broker's acknowledgement of each. The
 * producer is idempotent with {@code acks=all} (see {@link KafkaClients}), so records of one key keep
 * their order within a partition even when the producer retries.
 */
final class KafkaEventPublisher implements EventPublisher {

    private final Producer<String, byte[]> producer;
    private final WireEvents wire;
    private final String topic;

    KafkaEventPublisher(Producer<String, byte[]> producer, WireEvents wire, String topic) {
        this.producer = producer;
        this.wire = wire;
        this.topic = topic;
    }

    @Override
    public Publication publish(List<OutboxEntry> entries) {
        var sends = new ArrayList<Future<RecordMetadata>>(entries.size());
        Throwable failure = null;
        for (var entry : entries) {
            try {
                sends.add(producer.send(wire.record(topic, entry.event())));
            } catch (KafkaException e) {
                // the producer takes nothing more now; sending later entries would put them before this one
                failure = e;
                break;
            }
        }
        producer.flush();
        var acknowledged = new ArrayList<Long>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
                acknowledged.add(entries.get(i).sequence());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublisherUnavailableException("interrupted while waiting for the broker", e);
            }
        }
        if (failure == null) {
            return new Publication.Complete(acknowledged);
        }
        if (acknowledged.isEmpty()) {
            throw new PublisherUnavailableException("no event was acknowledged: " + failure, failure);
        }
        return new Publication.Partial(acknowledged, failure.toString());
    }
}
