package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer that the relay and the dead-letter topics share, and the consumers of dead-letter replays.
 * They take the common {@code kafka.*} settings (servers, security) like Micronaut's own clients, on top of
 * defaults chosen for the relay; idempotence and {@code acks=all} cannot be switched off.
 */
@Singleton
@Requires(property = KAFKA_SERVERS)
final class KafkaClients {

    /**
     * A send gives up after 30 s, well inside the relay's lease, and a broker that is down blocks a send for
     * at most 5 s. Batches of up to 256 KiB per partition (the default 16 KiB cut a relay batch of 500 events
     * into dozens of requests: 14k against 17-21k events/s drained in bench/relay.sh). The common
     * {@code kafka.*} settings ({@code kafka.delivery.timeout.ms} and the like) override these.
     */
    private static final Map<String, String> PRODUCER_DEFAULTS = Map.of(
            ProducerConfig.CLIENT_ID_CONFIG, "orderflow",
            ProducerConfig.LINGER_MS_CONFIG, "5",
            ProducerConfig.BATCH_SIZE_CONFIG, "262144",
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");

    private final Properties common;
    private final Producer<String, byte[]> producer;
    private final KafkaClientMetrics producerMetrics;

    KafkaClients(KafkaDefaultConfiguration kafka, MessagingSettings settings, MeterRegistry meters) {
        this.common = kafka.getConfig();
        var config = only(ProducerConfig.configNames());
        PRODUCER_DEFAULTS.forEach(config::putIfAbsent);
        // no duplicates or reordering from the producer's own retries: each order's events stay in order
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        var deliveryTimeout = Duration.ofMillis(Long.parseLong(
                config.getProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)));
        if (deliveryTimeout.compareTo(settings.relayLease()) >= 0) {
            throw new IllegalStateException("orderflow.messaging.relay-lease (" + settings.relayLease()
                    + ") must be longer than the producer's delivery.timeout.ms (" + deliveryTimeout + ")");
        }
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        // the client's own metrics (kafka_producer_*) on /prometheus: send rates, errors, retries, latency
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(meters);
    }

    Producer<String, byte[]> producer() {
        return producer;
    }

    /** A consumer of the given group that commits only when told to. */
    KafkaConsumer<String, byte[]> consumer(String groupId) {
        var config = only(ConsumerConfig.configNames());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The common settings that a client of this kind knows, so that it warns about none. */
    private Properties only(Set<String> names) {
        var config = new Properties();
        common.forEach((key, value) -> {
            if (names.contains(key.toString())) {
                config.put(key, value);
            }
        });
        return config;
    }

    @PreDestroy
    void close() {
        producerMetrics.close();
        producer.close(Duration.ofSeconds(10));
    }
}
