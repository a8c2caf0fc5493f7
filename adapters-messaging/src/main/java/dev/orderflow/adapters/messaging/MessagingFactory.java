package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import dev.orderflow.application.OutboxRelay;
import dev.orderflow.application.UpstreamEventService;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.in.UpstreamEvents;
import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** The plain-Java relay and inbound handler, and the Kafka publisher, as beans when Kafka is configured. */
@Factory
@Requires(property = KAFKA_SERVERS)
final class MessagingFactory {

    @Singleton
    WireEvents wireEvents(ObjectMapper json, MessagingSettings settings) {
        return new WireEvents(json, settings.source());
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

    @Singleton
    OutboxRelay outboxRelay(OrderStorage storage, EventPublisher publisher, MessagingSettings settings,
                            InstantSource clock) {
        return new OutboxRelay(storage.outbox(), publisher, clock,
                new OutboxRelay.Settings(settings.relayBatchSize(), settings.relayLease()));
    }

    @Singleton
    UpstreamEvents upstreamEvents(OrderStorage storage, OrderCommands commands, InstantSource clock) {
        return new UpstreamEventService(storage, commands, clock);
    }
}
