package dev.orderflow.bootstrap;

import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka cluster (KRaft, broker and controller in one node) in the test JVM, from Kafka's
 * test kit, for the service under test to connect to. Close the services connected to it first: consumers of
 * a vanished broker wait on shutdown.
 */
final class TestBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private TestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts a cluster with these topics (name to partitions, one replica); others are created on first use. */
    static TestBroker start(Map<String, Integer> topics) throws Exception {
        var cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        var broker = new TestBroker(cluster);
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            if (!topics.isEmpty()) {
                try (var admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
                    admin.createTopics(topics.entrySet().stream()
                            .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)).toList())
                            .all().get();
                }
            }
            return broker;
        } catch (Exception e) {
            broker.close();
            throw e;
        }
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

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
