package dev.orderflow.adapters.messaging;

import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderId;
import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Publishes outbox entries to the orders topic and waits for the broker's acknowledgement of each. The
 * producer is idempotent with {@code acks=all} (see {@link KafkaClients}). An order's next entry is sent
 * only after the broker acknowledged the one before: when a send fails, the producer may still write later
 * records of the same partition, and an order's events would then reach readers out of order.
 */
final class KafkaEventPublisher implements EventPublisher {

    private final Producer<String, byte[]> producer;
    private final WireEvents wire;
    private final String topic;
    private final KafkaTracing tracing;

    KafkaEventPublisher(Producer<String, byte[]> producer, WireEvents wire, String topic, KafkaTracing tracing) {
        this.producer = producer;
        this.wire = wire;
        this.topic = topic;
        this.tracing = tracing;
    }

    @Override
    public Publication publish(List<OutboxEntry> entries) {
        var acknowledged = new HashSet<Long>();
        var failedOrders = new HashSet<OrderId>();
        Optional<Throwable> failure = Optional.empty();
        var waiting = entries;
        while (!waiting.isEmpty()) {
            // a wave holds the first waiting entry of each order whose earlier entries were all acknowledged
            var wave = new ArrayList<OutboxEntry>();
            var later = new ArrayList<OutboxEntry>();
            var inWave = new HashSet<OrderId>();
            for (var entry : waiting) {
                var order = entry.orderId();
                if (!failedOrders.contains(order)) {
                    (inWave.add(order) ? wave : later).add(entry);
                }
            }
            var failed = send(wave, acknowledged, failedOrders);
            failure = failure.or(() -> failed);
            waiting = later;
        }
        var inOrder = entries.stream().map(OutboxEntry::sequence).filter(acknowledged::contains).toList();
        if (failure.isEmpty()) {
            return new Publication.Complete(inOrder);
        }
        if (inOrder.isEmpty()) {
            throw new PublisherUnavailableException("no event was acknowledged: " + failure.get(), failure.get());
        }
        return new Publication.Partial(inOrder, failure.get().toString());
    }

    /**
     * Sends the entries, each in a span of its own that ends with the broker's answer, waits for the broker,
     * and notes which were acknowledged and whose orders failed. Returns the first failure, if any.
     */
    private Optional<Throwable> send(List<OutboxEntry> wave, Set<Long> acknowledged, Set<OrderId> failedOrders) {
        var sends = new ArrayList<Future<RecordMetadata>>(wave.size());
        var spans = new ArrayList<Span>(wave.size());
        Throwable failure = null;
        for (var entry : wave) {
            var record = wire.record(topic, entry);
            spans.add(tracing.publishing(entry, record));
            Future<RecordMetadata> sent;
            try {
                sent = producer.send(record);
            } catch (KafkaException e) {
                // the producer takes nothing more now: the rest of the wave fails with this entry
                failure = e;
                break;
            }
            sends.add(sent);
            if (refusedAtOnce(sent)) {
                // the producer waited max.block.ms for the topic's metadata or for room in its buffer (the broker
                // is down): each further send would wait as long, so the rest of the wave fails with this entry
                break;
            }
        }
        producer.flush();
        for (int i = 0; i < wave.size(); i++) {
            var entry = wave.get(i);
            if (i >= sends.size()) {
                failedOrders.add(entry.orderId());
                if (i < spans.size()) {
                    KafkaTracing.failed(spans.get(i), failure);
                }
                continue;
            }
            try {
                KafkaTracing.published(spans.get(i), sends.get(i).get());
                acknowledged.add(entry.sequence());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
                failedOrders.add(entry.orderId());
                KafkaTracing.failed(spans.get(i), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spans.subList(i, spans.size()).forEach(span -> KafkaTracing.failed(span, e));
                throw new PublisherUnavailableException("interrupted while waiting for the broker", e);
            }
        }
        return Optional.ofNullable(failure);
    }

    private static boolean refusedAtOnce(Future<RecordMetadata> sent) {
        return sent.state() == Future.State.FAILED && sent.exceptionNow() instanceof TimeoutException;
    }
}
