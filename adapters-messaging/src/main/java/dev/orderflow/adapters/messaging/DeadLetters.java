package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter topics {@code <topic>.dlq}: records that could not be handled go there with headers
 * saying why, how often they were tried and where they came from, and can be replayed to their original
 * topic once the cause is fixed.
 */
@Singleton
@Requires(property = KAFKA_SERVERS)
final class DeadLetters {

    static final String ERROR = "dlq-error";
    static final String ATTEMPTS = "dlq-attempts";
    static final String ORIGINAL_TOPIC = "dlq-original-topic";
    static final String ORIGINAL_PARTITION = "dlq-original-partition";
    static final String ORIGINAL_OFFSET = "dlq-original-offset";
    static final String DEAD_AT = "dlq-dead-at";
    private static final String REPLAY_GROUP = "orderflow-dead-letter-replay";
    private static final int MAX_ERROR_LENGTH = 2_000;
    private static final Duration REPLAY_LIMIT = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaClients clients;
    private final InstantSource clock;

    DeadLetters(KafkaClients clients, InstantSource clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /** Sends the record to its dead-letter topic and waits for the acknowledgement. */
    void send(ConsumerRecord<String, byte[]> record, String error, int attempts) {
        var headers = new RecordHeaders(record.headers().toArray());
        var clipped = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        put(headers, ERROR, clipped);
        put(headers, ATTEMPTS, Integer.toString(attempts));
        put(headers, ORIGINAL_TOPIC, record.topic());
        put(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        put(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
        put(headers, DEAD_AT, clock.instant().toString());
        var topic = MessagingSettings.deadLetterTopic(record.topic());
        acknowledged(new ProducerRecord<>(topic, null, record.key(), record.value(), headers));
        LOG.warn("Record {}-{}@{} sent to {} after {} attempt(s): {}", record.topic(), record.partition(),
                record.offset(), topic, attempts, clipped);
    }

    /**
     * Sends every dead letter of {@code topic} that was not replayed before back to {@code topic}, without
     * the dead-letter headers, and remembers how far it got. Returns how many it replayed.
     */
    synchronized int replay(String topic) {
        var deadLetterTopic = MessagingSettings.deadLetterTopic(topic);
        try (var consumer = clients.consumer(REPLAY_GROUP)) {
            var partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            var end = consumer.endOffsets(partitions);
            var committed = consumer.committed(Set.copyOf(partitions));
            for (var partition : partitions) {
                var done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            int replayed = 0;
            var deadline = clock.instant().plus(REPLAY_LIMIT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && clock.instant().isBefore(deadline)) {
                var progress = new HashMap<TopicPartition, OffsetAndMetadata>();
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    acknowledged(new ProducerRecord<>(topic, null, record.key(), record.value(),
                            withoutDeadLetterHeaders(record.headers())));
                    progress.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    replayed++;
                }
                if (!progress.isEmpty()) {
                    consumer.commitSync(progress);
                }
            }
            LOG.info("Replayed {} dead letters from {} to {}", replayed, deadLetterTopic, topic);
            return replayed;
        }
    }

    private static Headers withoutDeadLetterHeaders(Headers headers) {
        var kept = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith("dlq-")) {
                kept.add(header);
            }
        }
        return kept;
    }

    private void acknowledged(ProducerRecord<String, byte[]> record) {
        try {
            clients.producer().send(record).get();
        } catch (ExecutionException e) {
            throw new KafkaException("could not send to " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending to " + record.topic(), e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
