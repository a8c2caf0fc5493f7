package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import dev.orderflow.application.OutboxRelay;
import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.events.EventCodec;
import io.micronaut.configuration.kafka.admin.AdminClientFactory;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;

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

    /**
     * Micronaut Kafka's admin client (its consumer processor holds one), without re-bootstrapping: with the
     * default strategy, a broker that cannot be reached made it re-bootstrap in a loop, 500-5 000 times a second,
     * each with an INFO line, at a tenth of a core. The common {@code kafka.*} settings override this.
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Replaces(value = AdminClient.class, factory = AdminClientFactory.class)
    AdminClient adminClient(KafkaDefaultConfiguration kafka) {
        var config = new Properties();
        kafka.getConfig().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(String.valueOf(key))) {
                config.put(key, value);
            }
        });
        config.putIfAbsent(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        return AdminClient.create(config);
    }

    /** How the relay that the bootstrap builds on this publisher takes batches. */
    @Singleton
    OutboxRelay.Settings relaySettings(MessagingSettings settings) {
        return new OutboxRelay.Settings(settings.relayBatchSize(), settings.relayLease());
    }
}
