package dev.orderflow.adapters.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka cluster (KRaft, broker and controller in one node) in this JVM, with plain
 * clients for tests. One is shared by all test classes; it stops when the test run ends, after every test
 * class closed its application context (otherwise consumers wait 30 s on shutdown).
 */
final class KafkaBroker {

    private static KafkaBroker shared;

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** The broker of this JVM, started on first use. */
    static synchronized KafkaBroker shared() throws Exception {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /**
     * Stops the shared broker, if it runs: at the end of a test run ({@link StopTestBroker}) or of a program
     * such as the relay benchmark. Not from a JVM shutdown hook: the test kit deletes the broker's directories
     * in a hook of its own, and a broker still running then finds its log directories gone and halts the JVM
     * with a non-zero exit code, which fails the build after every test passed.
     */
    static synchronized void stopShared() {
        if (shared != null) {
            try {
                shared.cluster.close();
            } catch (Exception e) {
                System.err.println("the test broker did not stop cleanly: " + e);
            }
            shared = null;
        }
    }

    private static KafkaBroker start() throws Exception {
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
        var broker = new KafkaBroker(cluster);
        // before any client asks for them (a consumer's request would create them with three partitions);
        // one partition upstream, so that a poison record and the records after it share a partition
        broker.createTopics(Map.of(RelayScenarios.TOPIC, 3, InboundScenarios.PAYMENTS, 1,
                InboundScenarios.SHIPPING, 1));
        return broker;
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

    private void createTopics(Map<String, Integer> partitions) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(partitions.entrySet().stream()
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)).toList()).all().get();
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
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = consumer()) {
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

    /** Every record of {@code topic} now on the broker that passes {@code filter}, in partition order. */
    List<ConsumerRecord<String, byte[]>> readToEnd(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = consumer()) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end within a minute");
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && filter.test(record)) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        var config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads until at least {@code count} records pass {@code filter}, for at most a minute. */
    List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
                                              int count) {
        return read(topic, filter, records -> records.size() >= count, Duration.ofMinutes(1));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return header(record.headers(), name);
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
