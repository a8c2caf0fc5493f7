package dev.orderflow.adapters.messaging;

import dev.orderflow.application.port.out.OutboxEntry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The spans of publishing order events and of consuming upstream messages, and the trace context on Kafka
 * records. A published record carries its span's W3C trace context twice: as {@code traceparent} (and
 * {@code tracestate}), and as the CloudEvents distributed-tracing extension in binary mode,
 * {@code ce_traceparent} (and {@code ce_tracestate}). A consumed record continues the trace of either.
 * OpenTelemetry's W3C propagator reads and writes them.
 */
final class KafkaTracing {

    /** The prefix of CloudEvents attributes in Kafka headers (binary content mode). */
    static final String CLOUDEVENTS_PREFIX = "ce_";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("orderflow.consumer");

    private static final TextMapGetter<Map<String, String>> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> RECEIVED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            var header = carrier.lastHeader(key);
            if (header == null) {
                header = carrier.lastHeader(CLOUDEVENTS_PREFIX + key);
            }
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> SENT = (carrier, key, value) -> {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        for (var name : new String[] {key, CLOUDEVENTS_PREFIX + key}) {
            carrier.remove(name);
            carrier.add(name, bytes);
        }
    };

    private final Tracer tracer;

    KafkaTracing(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("dev.orderflow.messaging");
    }

    /**
     * Starts the span of publishing an outbox entry as {@code record} and writes its trace context onto the
     * record. The span continues the trace stored with the entry, or starts one when it has none.
     */
    Span publishing(OutboxEntry entry, ProducerRecord<String, byte[]> record) {
        var parent = W3C.extract(Context.root(), entry.traceContext(), STORED);
        var span = tracer.spanBuilder("send " + record.topic()).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "send").setAttribute(KEY, record.key()).startSpan();
        W3C.inject(parent.with(span), record.headers(), SENT);
        return span;
    }

    /** Ends a publishing span with where the broker put the record. */
    static void published(Span span, RecordMetadata metadata) {
        span.setAttribute(PARTITION, Integer.toString(metadata.partition()));
        if (metadata.hasOffset()) {
            span.setAttribute(OFFSET, metadata.offset());
        }
        span.end();
    }

    /** Ends a span with the failure that ended its work. */
    static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, String.valueOf(failure));
        span.end();
    }

    /**
     * Starts the span of consuming {@code record} as {@code consumer}: a child of the span whose trace context
     * the record carries, a new trace when it carries none. The caller makes it current and ends it.
     */
    Span consuming(ConsumerRecord<String, byte[]> record, String consumer) {
        var parent = W3C.extract(Context.root(), record.headers(), RECEIVED);
        return tracer.spanBuilder("process " + record.topic()).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "process").setAttribute(CONSUMER, consumer)
                .setAttribute(KEY, record.key())
                .setAttribute(PARTITION, Integer.toString(record.partition()))
                .setAttribute(OFFSET, record.offset()).startSpan();
    }
}
