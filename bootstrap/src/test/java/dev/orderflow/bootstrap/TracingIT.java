package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.orderflow.adapters.persistence.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import dev.orderflow.adapters.rest.api.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One order's trace through the whole service in this JVM (HTTP, PostgreSQL, the outbox relay, a real Kafka
 * broker, the payments consumer), its spans caught by the SDK's in-memory exporter: the POST's traceparent
 * is continued by the request's span, its transaction, the relay's publish of OrderPlaced (whose record
 * carries it as traceparent and ce_traceparent), a payment service's reaction, the payment's consumption,
 * its transaction and the publish of OrderConfirmed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingIT {
    /** An admin may do everything these tests do; tokens are signed with the test secret. */
    private static final String AUTHORIZATION =
            TestTokens.bearer(TestTokens.hs256(TestTokens.SECRET).mint("ops", "admin"));


    private static final String ORDERS = "orderflow.orders.v1";
    private static final String PAYMENTS = "payments.v1";
    private static final String TRANSACTION = "orderflow transaction";
    private static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            var keys = new ArrayList<String>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            return header(carrier, key);
        }
    };

    private TestBroker cluster;
    private ApplicationContext context;
    private URI base;
    private InMemorySpanExporter spans;

    @BeforeAll
    void start() throws Exception {
        cluster = TestBroker.start(Map.of(ORDERS, 1, PAYMENTS, 1, "shipping.v1", 1));
        var properties = new HashMap<String, Object>(TestDatabase.empty().properties());
        properties.put("kafka.bootstrap.servers", cluster.bootstrapServers());
        properties.put("kafka.health.enabled", false);
        properties.put("micronaut.server.port", -1);
        properties.put("orderflow.api.cursor-secret", "tracing-test-secret-tracing-test-secret-0123");
        properties.put(InMemorySpans.PROPERTY, true);
        properties.put("orderflow.auth.jwt-secret", TestTokens.SECRET);
        var server = ApplicationContext.run(EmbeddedServer.class, properties);
        context = server.getApplicationContext();
        base = server.getURI();
        spans = context.getBean(InMemorySpanExporter.class);
    }

    @AfterAll
    void stop() throws Exception {
        // the service before the broker: consumers of a vanished broker wait on shutdown
        if (context != null) {
            context.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void one_order_s_request_relay_publish_and_the_reaction_to_it_are_one_trace() throws Exception {
        var traceId = TraceId.fromLongs(ThreadLocalRandom.current().nextLong(), 42);
        var callerSpan = SpanId.fromLong(ThreadLocalRandom.current().nextLong() | 1);
        var response = place("00-" + traceId + "-" + callerSpan + "-01");
        assertEquals(201, response.statusCode(), response.body());
        var order = response.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

        var placed = read(ORDERS, record -> order.equals(record.key())
                && "dev.orderflow.order.placed.v1".equals(header(record.headers(), "ce_type")));
        // the payment service: continues the trace of OrderPlaced and sends the payment with its own span's context
        var telemetry = context.getBean(OpenTelemetry.class);
        var paymentService = telemetry.getTracer("payment-service").spanBuilder("authorize payment")
                .setParent(W3C.extract(Context.root(), placed.headers(), HEADERS)).setSpanKind(SpanKind.CONSUMER)
                .startSpan();
        var payment = new ProducerRecord<String, byte[]>(PAYMENTS, order, """
                {"type":"PaymentSucceeded","eventId":"%s","orderId":"%s"}""".formatted(UUID.randomUUID(), order)
                .getBytes(StandardCharsets.UTF_8));
        W3C.inject(Context.root().with(paymentService), payment.headers(),
                (headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        paymentService.end();
        send(payment);
        var confirmed = read(ORDERS, record -> order.equals(record.key())
                && "dev.orderflow.order.confirmed.v1".equals(header(record.headers(), "ce_type")));

        var trace = awaitSpans(all -> all.stream().filter(span -> span.getKind() == SpanKind.PRODUCER
                && order.equals(span.getAttributes().get(KEY))).count() == 2, traceId);
        var server = only(trace, span -> span.getKind() == SpanKind.SERVER);
        var publishPlaced = bySpanId(trace, spanIdIn(placed));
        var publishConfirmed = bySpanId(trace, spanIdIn(confirmed));
        var placing = parentOf(trace, publishPlaced);
        var stoodIn = only(trace, span -> span.getName().equals("authorize payment"));
        var consuming = only(trace, span -> span.getKind() == SpanKind.CONSUMER && span != stoodIn);
        var confirming = parentOf(trace, publishConfirmed);
        assertAll(
                () -> assertEquals(callerSpan, server.getParentSpanId(), "the request continues the caller's span"),
                () -> assertEquals(TRANSACTION, placing.getName()),
                () -> assertEquals(server.getSpanId(), placing.getParentSpanId(), "the POST's transaction"),
                () -> assertEquals("send " + ORDERS, publishPlaced.getName()),
                () -> assertEquals(header(placed.headers(), "traceparent"), header(placed.headers(), "ce_traceparent")),
                () -> assertEquals(publishPlaced.getSpanId(), stoodIn.getParentSpanId(), "the reader of OrderPlaced"),
                () -> assertEquals("process " + PAYMENTS, consuming.getName()),
                () -> assertEquals(stoodIn.getSpanId(), consuming.getParentSpanId(), "the payment's consumption"),
                () -> assertEquals(TRANSACTION, confirming.getName()),
                () -> assertEquals(consuming.getSpanId(), confirming.getParentSpanId(), "the payment's transaction"),
                () -> assertEquals(header(confirmed.headers(), "traceparent"),
                        header(confirmed.headers(), "ce_traceparent")));
    }

    @Test
    void an_inbound_payment_with_a_traceparent_continues_that_trace() throws Exception {
        var traceId = TraceId.fromLongs(ThreadLocalRandom.current().nextLong(), 7);
        var sender = SpanId.fromLong(ThreadLocalRandom.current().nextLong() | 1);
        var order = UUID.randomUUID().toString();
        var payment = new ProducerRecord<String, byte[]>(PAYMENTS, order, """
                {"type":"PaymentSucceeded","eventId":"%s","orderId":"%s"}""".formatted(UUID.randomUUID(), order)
                .getBytes(StandardCharsets.UTF_8));
        payment.headers().add("traceparent", ("00-" + traceId + "-" + sender + "-01").getBytes(StandardCharsets.UTF_8));
        send(payment);

        var trace = awaitSpans(all -> all.stream().anyMatch(span -> span.getKind() == SpanKind.CONSUMER), traceId);
        var consuming = only(trace, span -> span.getKind() == SpanKind.CONSUMER);
        var transaction = only(trace, span -> span.getName().equals(TRANSACTION));
        assertAll(
                () -> assertEquals("process " + PAYMENTS, consuming.getName()),
                () -> assertEquals(sender, consuming.getParentSpanId(), "a child of the sender's span"),
                () -> assertEquals("refused", consuming.getAttributes()
                        .get(AttributeKey.stringKey("orderflow.inbound.outcome")), "no such order"),
                () -> assertEquals(consuming.getSpanId(), transaction.getParentSpanId()));
    }

    private HttpResponse<String> place(String traceparent) throws Exception {
        var body = """
                {"customerId": "c-42",
                 "lines": [{"sku": "BOOK-1", "quantity": 2, "unitPrice": {"amount": "12.50", "currency": "EUR"}}],
                 "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115",
                                     "city": "Berlin", "country": "DE"}}""";
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/orders"))
                    .header("Content-Type", "application/json").header("traceparent", traceparent)
                    .header("Authorization", AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The finished spans of the trace once {@code enough} holds for them, waiting at most a minute. */
    private List<SpanData> awaitSpans(Predicate<List<SpanData>> enough, String traceId) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            var trace = spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId))
                    .toList();
            if (enough.test(trace)) {
                return trace;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the trace " + traceId + " never got its spans: " + trace);
            }
            Thread.sleep(50);
        }
    }

    private static SpanData only(List<SpanData> trace, Predicate<SpanData> filter) {
        var found = trace.stream().filter(filter).toList();
        assertEquals(1, found.size(), () -> "exactly one such span in " + trace);
        return found.getFirst();
    }

    private static SpanData bySpanId(List<SpanData> trace, String spanId) {
        return only(trace, span -> span.getSpanId().equals(spanId));
    }

    private static SpanData parentOf(List<SpanData> trace, SpanData child) {
        return bySpanId(trace, child.getParentSpanId());
    }

    /** The span id in the record's ce_traceparent, read with OpenTelemetry's propagator. */
    private static String spanIdIn(ConsumerRecord<String, byte[]> record) {
        var headers = new Properties();
        headers.put("traceparent", header(record.headers(), "ce_traceparent"));
        var context = W3C.extract(Context.root(), headers, new TextMapGetter<>() {
            @Override
            public Iterable<String> keys(Properties carrier) {
                return carrier.stringPropertyNames();
            }

            @Override
            public String get(Properties carrier, String key) {
                return carrier == null ? null : carrier.getProperty(key);
            }
        });
        var span = io.opentelemetry.api.trace.Span.fromContext(context).getSpanContext();
        assertNotNull(span.isValid() ? span : null, "a valid ce_traceparent");
        return span.getSpanId();
    }

    private static String header(Headers headers, String name) {
        var header = headers == null ? null : headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                cluster.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    /** The first record of {@code topic} that passes {@code filter}, read from the beginning for at most a minute. */
    private ConsumerRecord<String, byte[]> read(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                cluster.bootstrapServers(), "enable.auto.commit", "false"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no such record on " + topic + " within a minute");
        }
    }
}
