package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import dev.orderflow.application.port.in.UpstreamEvents;
import dev.orderflow.application.port.in.UpstreamEvents.Handling;
import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one upstream record: a malformed one goes to the dead-letter topic at once; a well-formed one is
 * handled through {@link UpstreamEvents}, retried with exponential backoff while that fails, and sent to
 * the dead-letter topic after the configured number of attempts. Returns only once the effect or the dead
 * letter is committed, so the listener's offset commit comes after it.
 */
@Singleton
@Requires(property = KAFKA_SERVERS)
final class InboundProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("orderflow.inbound.outcome");

    private final UpstreamEvents upstream;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final MessagingSettings settings;
    private final MeterRegistry meters;
    private final KafkaTracing tracing;

    InboundProcessor(UpstreamEvents upstream, DeadLetters deadLetters, ObjectMapper json, MessagingSettings settings,
                     MeterRegistry meters, KafkaTracing tracing) {
        this.upstream = upstream;
        this.deadLetters = deadLetters;
        this.json = json;
        this.settings = settings;
        this.meters = meters;
        this.tracing = tracing;
    }

    /** Handles the record in a span continuing the trace it carries; the transaction's span is its child. */
    void process(Upstream source, ConsumerRecord<String, byte[]> record) throws InterruptedException {
        var span = tracing.consuming(record, source.consumer());
        try (var scope = span.makeCurrent()) {
            route(source, record);
        } catch (InterruptedException | RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.toString());
            throw e;
        } finally {
            span.end();
        }
    }

    private void route(Upstream source, ConsumerRecord<String, byte[]> record) throws InterruptedException {
        switch (source.parse(json, record.value())) {
            case Upstream.Parsed.Malformed malformed -> {
                deadLetters.send(record, "malformed: " + malformed.reason(), 1);
                count(source, "malformed");
            }
            case Upstream.Parsed.Event event -> handle(source, record, event);
        }
    }

    private void handle(Upstream source, ConsumerRecord<String, byte[]> record, Upstream.Parsed.Event event)
            throws InterruptedException {
        int outageRetries = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                var handling = upstream.handle(source.consumer(), event.messageId(), event.event());
                switch (handling) {
                    case Handling.Applied applied -> LOG.info("{} event {} applied: order {} is now {}",
                            source.consumer(), event.messageId(), applied.order().id(), applied.order().status());
                    case Handling.Duplicate duplicate -> LOG.info("{} event {} was handled before; skipped",
                            source.consumer(), event.messageId());
                    case Handling.Refused refused -> LOG.warn("{} event {} for order {} refused: {}",
                            source.consumer(), event.messageId(), event.event().orderId(), refused.reason());
                }
                count(source, switch (handling) {
                    case Handling.Applied applied -> "applied";
                    case Handling.Duplicate duplicate -> "duplicate";
                    case Handling.Refused refused -> "refused";
                });
                return;
            } catch (StorageUnavailableException e) {
                // the database is down or too slow: not the event's fault, so it uses up no attempt and is
                // never dead-lettered for it; the consumer waits here, backing off, until the database is back
                attempt--;
                outageRetries++;
                var wait = MessagingSettings.backoff(settings.retryInitialBackoff(), settings.retryMaxBackoff(),
                        outageRetries);
                LOG.warn("{} event {} waits for the database (retry {} in {} ms): {}", source.consumer(),
                        event.messageId(), outageRetries, wait.toMillis(), e.getMessage());
                Thread.sleep(wait);
            } catch (RuntimeException e) {
                if (attempt >= settings.maxAttempts()) {
                    deadLetters.send(record, e.toString(), attempt);
                    count(source, "dead-lettered");
                    return;
                }
                var wait = MessagingSettings.backoff(settings.retryInitialBackoff(), settings.retryMaxBackoff(),
                        attempt);
                LOG.warn("{} event {} failed (attempt {} of {}), retrying in {} ms: {}", source.consumer(),
                        event.messageId(), attempt, settings.maxAttempts(), wait.toMillis(), e.toString());
                Thread.sleep(wait);
            }
        }
    }

    private void count(Upstream source, String outcome) {
        Span.current().setAttribute(OUTCOME, outcome);
        meters.counter("orderflow.inbound.messages", "consumer", source.consumer(), "outcome", outcome).increment();
    }
}
