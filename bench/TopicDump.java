import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic from its beginning to its end offsets (no consumer group) for bench/chaos.sh, run with the
 * Kafka client jars on the class path:
 *
 *   TopicDump BOOTSTRAP_SERVERS TOPIC OUT_FILE
 *
 * Writes one line per distinct event, {@code orderId,version} (the record key and the value's {@code version}),
 * and prints the figures: records read, distinct events, redeliveries (same event more than once), and orders whose
 * events first arrived out of version order.
 */
public class TopicDump {

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long records = 0;
        var events = new LinkedHashSet<String>();
        Map<String, Long> lastVersion = new HashMap<>();
        long outOfOrder = 0;
        try (var consumer = new KafkaConsumer<byte[], byte[]>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (var info : consumer.partitionsFor(args[1], Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic not read to its end within 2 minutes");
                }
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    var order = new String(record.key(), StandardCharsets.UTF_8);
                    var matcher = VERSION.matcher(new String(record.value(), StandardCharsets.UTF_8));
                    if (!matcher.find()) {
                        throw new IllegalStateException("no version in " + order);
                    }
                    long version = Long.parseLong(matcher.group(1));
                    if (events.add(order + "," + version)) {
                        var previous = lastVersion.put(order, version);
                        if (previous != null && previous != version - 1) {
                            outOfOrder++;
                        }
                    }
                }
            }
        }
        Files.write(Path.of(args[2]), events);
        System.out.printf("records=%d events=%d redeliveries=%d out_of_order=%d%n", records, events.size(),
                records - events.size(), outOfOrder);
    }
}
