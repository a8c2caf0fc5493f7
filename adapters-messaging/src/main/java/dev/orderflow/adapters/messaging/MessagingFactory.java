package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import dev.orderflow.application.OutboxRelay;
import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.events.EventCodec;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;

/**
 * The Kafka publisher, its wire format and the relay's settings, as beans when Kafka is configured. The
 * bootstrap builds the application's relay and inbound handler on them.
 */
@Factory
@Requires(property = KAFKA_SERVERS)
final class MessagingFactory {

    @Singleton
    WireEvents wireEvents(ObjectMapper json, MessagingSettings settings) {
        return new WireEvents(new EventCodec(json), settings.source());
    }

    /** Spans with the application's {@link OpenTelemetry} (the bootstrap's SDK), OpenTelemetry's no-op without. */
    @Singleton
    KafkaTracing kafkaTracing(@Nullable OpenTelemetry telemetry) {
        return new KafkaTracing(telemetry == null ? OpenTelemetry.noop() : telemetry);
    }

    @Singleton
    EventPublisher kafkaEventPublisher(KafkaClients clients, WireEvents wire, MessagingSettings settings,
                                       KafkaTracing tracing) {
        return new KafkaEventPublisher(clients.producer(), wire, settings.ordersTopic(), tracing);
    }

    /** How the relay that the bootstrap builds on this publisher takes batches. */
    @Singleton
    OutboxRelay.Settings relaySettings(MessagingSettings settings) {
        return new OutboxRelay.Settings(settings.relayBatchSize(), settings.relayLease());
    }
}
