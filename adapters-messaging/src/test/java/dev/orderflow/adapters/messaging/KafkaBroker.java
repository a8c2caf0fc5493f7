package dev.orderflow.adapters.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka cluster (KRaft, broker and controller in one node) in this JVM, with plain
 * clients for tests. Close it after the application context that uses it.
 */
final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static KafkaBroker start() throws Exception {
        var cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "3")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new KafkaBroker(cluster);
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the broker; the controller keeps running, so {@link #startBroker()} brings it back as it was. */
    void stopBroker() {
        cluster.brokers().values().forEach(BrokerServer::shutdown);
    }

    void startBroker() throws Exception {
        for (var broker : cluster.brokers().values()) {
            broker.startup();
        }
        cluster.waitForReadyBrokers();
    }

    void createTopic(String name, int partitions) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    KafkaProducer<String, byte[]> producer() {
        var config = new Properties();
        config.put("bootstrap.servers", bootstrapServers());
        config.put("acks", "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    void send(String topic, String key, byte[] value) throws Exception {
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code enough} holds for the records read that pass
     * {@code filter}, or until {@code patience} passed; returns them in the order of each partition.
     */
    List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
                                              Predicate<List<ConsumerRecord<String, byte[]>>> enough,
                                              Duration patience) {
        var config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var deadline = Instant.now().plus(patience);
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!enough.test(records) && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    /** Reads until at least {@code count} records pass {@code filter}, for at most a minute. */
    List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
                                              int count) {
        return read(topic, filter, records -> records.size() >= count, Duration.ofMinutes(1));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        var keys = new java.util.HashSet<String>();
        records.forEach(record -> keys.add(record.key()));
        return keys;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
