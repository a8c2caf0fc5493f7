package dev.orderflow.adapters.messaging;

import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.port.out.EventPublisher.Publication;
import dev.orderflow.application.port.out.EventPublisher.PublisherUnavailableException;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.events.EventCodec;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** How the Kafka publisher orders its sends, with Kafka's own in-memory producer standing in for a broker. */
class KafkaEventPublisherTest {

    /**
     * Kafka's test producer, acknowledging every record except those that {@code fails} picks: they expire in
     * flight (on flush), as when the broker does not answer in time.
     */
    private static class Producer extends MockProducer<String, byte[]> {
        final List<String> sent = new ArrayList<>();
        private final Predicate<ProducerRecord<String, byte[]>> fails;
        private final List<CompletableFuture<RecordMetadata>> expiring = new ArrayList<>();

        Producer(Predicate<ProducerRecord<String, byte[]>> fails) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.fails = fails;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            sent.add(KafkaBroker.header(record.headers(), "ce_id"));
            if (!fails.test(record)) {
                return super.send(record);
            }
            var expires = new CompletableFuture<RecordMetadata>();
            expiring.add(expires);
            return expires;
        }

        @Override
        public synchronized void flush() {
            expiring.forEach(expires -> expires.completeExceptionally(new TimeoutException("expired")));
            expiring.clear();
            super.flush();
        }
    }

    /** A producer that has no metadata for the topic: each send fails after its wait for them (max.block.ms). */
    private static final class NoMetadata extends Producer {
        NoMetadata() {
            super(record -> true);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            sent.add(KafkaBroker.header(record.headers(), "ce_id"));
            return CompletableFuture.failedFuture(new TimeoutException("Topic orders not present in metadata"));
        }
    }

    private static final KafkaTracing NO_TRACING = new KafkaTracing(OpenTelemetry.noop());

    private final WireEvents wire = new WireEvents(new EventCodec(WireEventsTest.JSON), "/orderflow");

    private static List<OutboxEntry> entries(List<OrderEvent> events) {
        var entries = new ArrayList<OutboxEntry>();
        for (int i = 0; i < events.size(); i++) {
            entries.add(new OutboxEntry(i + 1, events.get(i)));
        }
        return entries;
    }

    private static String id(OrderEvent event) {
        return event.eventId().toString();
    }

    @Test
    void an_order_s_next_event_is_sent_after_the_one_before_was_acknowledged() {
        var first = deliveredLife(newId());
        var second = deliveredLife(newId());
        var events = List.of(first.get(0), first.get(1), second.get(0), first.get(2), second.get(1));
        var producer = new Producer(record -> false);
        var publication = new KafkaEventPublisher(producer, wire, "orders", NO_TRACING).publish(entries(events));

        assertEquals(new Publication.Complete(List.of(1L, 2L, 3L, 4L, 5L)), publication);
        assertEquals(List.of(id(first.get(0)), id(second.get(0)), id(first.get(1)), id(second.get(1)),
                id(first.get(2))), producer.sent, "one event per order and round");
    }

    @Test
    void after_an_order_s_event_failed_its_later_events_are_not_sent() {
        var failing = deliveredLife(newId());
        var other = deliveredLife(newId());
        var events = List.of(failing.get(0), other.get(0), failing.get(1), other.get(1));
        var producer = new Producer(record -> record.key().equals(failing.getFirst().orderId().toString()));
        var publication = new KafkaEventPublisher(producer, wire, "orders", NO_TRACING).publish(entries(events));

        assertEquals(new Publication.Partial(List.of(2L, 4L), new TimeoutException("expired").toString()),
                publication);
        assertEquals(List.of(id(failing.get(0)), id(other.get(0)), id(other.get(1))), producer.sent);
    }

    @Test
    void when_nothing_is_acknowledged_the_publisher_is_unavailable() {
        var producer = new Producer(record -> true);
        var publisher = new KafkaEventPublisher(producer, wire, "orders", NO_TRACING);
        assertThrows(PublisherUnavailableException.class, () -> publisher.publish(entries(deliveredLife(newId()))));
        assertEquals(1, producer.sent.size(), "the order's later events were not sent");
    }

    @Test
    void when_the_producer_refuses_a_record_at_once_the_rest_of_the_round_is_not_sent() {
        // each send would wait max.block.ms again: a round of n orders would take n times as long to fail
        var producer = new NoMetadata();
        var publisher = new KafkaEventPublisher(producer, wire, "orders", NO_TRACING);
        var events = List.of(deliveredLife(newId()).getFirst(), deliveredLife(newId()).getFirst(),
                deliveredLife(newId()).getFirst());
        assertThrows(PublisherUnavailableException.class, () -> publisher.publish(entries(events)));
        assertEquals(List.of(id(events.getFirst())), producer.sent);
    }

    @Test
    void a_published_record_continues_the_trace_stored_with_its_entry_in_both_header_forms() {
        var spans = InMemorySpanExporter.create();
        try (var telemetry = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build()) {
            var stored = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            var traced = new OutboxEntry(1, deliveredLife(newId()).getFirst(), Map.of("traceparent", stored));
            var untraced = new OutboxEntry(2, deliveredLife(newId()).getFirst());
            var producer = new Producer(record -> false);
            new KafkaEventPublisher(producer, wire, "orders", new KafkaTracing(telemetry))
                    .publish(List.of(traced, untraced));

            var records = producer.history();
            var published = spans.getFinishedSpanItems();
            assertEquals(2, published.size(), published::toString);
            for (int i = 0; i < 2; i++) {
                var span = published.get(i).getSpanContext();
                var expected = "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
                assertEquals(expected, KafkaBroker.header(records.get(i).headers(), "traceparent"));
                assertEquals(expected, KafkaBroker.header(records.get(i).headers(), "ce_traceparent"));
                assertEquals(SpanKind.PRODUCER, published.get(i).getKind());
            }
            var child = published.getFirst();
            assertEquals("0af7651916cd43dd8448eb211c80319c", child.getTraceId(), "the stored trace continues");
            assertEquals("b7ad6b7169203331", child.getParentSpanId(), "a child of the stored span");
            assertEquals("send orders", child.getName());
            assertFalse(published.get(1).getParentSpanContext().isValid(), "without a stored trace, a new one");
        }
    }
}
