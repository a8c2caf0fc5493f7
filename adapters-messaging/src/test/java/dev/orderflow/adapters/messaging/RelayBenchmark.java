package dev.orderflow.adapters.messaging;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.OutboxRelay;
import dev.orderflow.application.memory.InMemoryEventPublisher;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.testkit.contract.ContractFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Measures the relay against the in-process broker and PostgreSQL (embedded, or the server named by
 * {@code ORDERFLOW_TEST_DB_URL}): how fast it drains a backlog, and how long an event takes from the commit
 * of its order to a consumer under a steady load. Run it with {@code bench/relay.sh}; arguments: backlog
 * size (100000), orders per second (500), seconds of load (20), relay batch size (2000), relay threads (1).
 */
public final class RelayBenchmark {

    private static final String TOPIC = RelayScenarios.TOPIC;

    private RelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = arg(args, 0, 100_000);
        int rate = arg(args, 1, 500);
        int seconds = arg(args, 2, 20);
        int batchSize = arg(args, 3, 2_000);
        int threads = arg(args, 4, 1);
        var broker = KafkaBroker.shared();
        var settings = Map.<String, Object>of("orderflow.messaging.relay-batch-size", batchSize,
                "orderflow.messaging.relay-threads", threads);
        System.out.printf("relay benchmark: backlog %d, load %d orders/s for %d s, batch size %d, %d relay threads, "
                + "%d cores%n", backlog, rate, seconds, batchSize, threads, Runtime.getRuntime().availableProcessors());
        int exit = 0;
        try {
            drainWithoutBroker(backlog, batchSize);
            drain(backlog, settings);
            latency(rate, seconds, settings);
        } catch (Exception | Error e) {
            // the broker's threads would keep the JVM alive without an exit
            e.printStackTrace();
            exit = 1;
        } finally {
            KafkaBroker.stopShared();
        }
        System.exit(exit);
    }

    private static int arg(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }

    /** A new database whose outbox holds {@code count} entries, each of another order. */
    private static Map<String, Object> backlog(int count) {
        var database = TestServices.Storage.POSTGRES.properties();
        try (var filling = ApplicationContext.run(database)) {
            var outbox = filling.getBean(OrderStorage.class).outbox();
            var events = new ArrayList<OrderEvent>(1_000);
            for (int i = 0; i < count; i++) {
                events.add(ContractFixtures.event(ContractFixtures.newId(), 1));
                if (events.size() == 1_000 || i == count - 1) {
                    outbox.append(events);
                    events.clear();
                }
            }
        }
        return database;
    }

    /** The storage's share of the relay's work: draining the backlog to a publisher in the heap. */
    private static void drainWithoutBroker(int count, int batchSize) {
        var database = backlog(count);
        try (var context = ApplicationContext.run(database)) {
            var relay = new OutboxRelay(context.getBean(OrderStorage.class).outbox(), new InMemoryEventPublisher(),
                    InstantSource.system(), new OutboxRelay.Settings(batchSize, Duration.ofSeconds(60)));
            long start = System.nanoTime();
            int drained = relay.drain();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("drain to the heap (storage only): %d events in %.2f s = %.0f events/s%n",
                    drained, seconds, drained / seconds);
        }
    }

    /** Times the service's relay draining a backlog to the broker. */
    private static void drain(int count, Map<String, Object> settings) throws Exception {
        var database = backlog(count);
        try (var context = TestServices.start(database, settings).getApplicationContext()) {
            var published = context.getBean(MeterRegistry.class).counter("orderflow.outbox.published");
            double before = published.count();
            long start = System.nanoTime();
            // the relay's own counter, not the outbox's backlog: counting rows would load the database
            while (published.count() < count) {
                Thread.sleep(10);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double drained = published.count() - before;
            System.out.printf("drain: %.0f events in %.2f s = %.0f events/s (%.0f published before timing began)%n",
                    drained, seconds, drained / seconds, before);
        }
    }

    /** Places orders at a steady rate and measures commit to consumption of their OrderPlaced events. */
    private static void latency(int rate, int seconds, Map<String, Object> settings) throws Exception {
        var database = TestServices.Storage.POSTGRES.properties();
        try (var context = TestServices.start(database, settings).getApplicationContext()) {
            var orders = context.getBean(OrderService.class);
            var committedAt = new ConcurrentHashMap<String, Long>();
            var receivedAt = new ConcurrentHashMap<String, Long>();
            var stop = new AtomicBoolean();
            var reader = Thread.ofPlatform().name("bench-consumer").start(() -> consume(receivedAt, stop));
            var shop = new Actor.System("bench");
            int warmup = rate * 2;
            int total = warmup + rate * seconds;
            long interval = 1_000_000_000L / rate;
            var next = new AtomicInteger();
            var measured = ConcurrentHashMap.<String>newKeySet();
            long start = System.nanoTime();
            // order i is due at start + i * interval; several placers keep the pace when one commit is slow
            try (var placers = Executors.newFixedThreadPool(8)) {
                for (int p = 0; p < 8; p++) {
                    placers.submit(() -> {
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            long wait = start + i * interval - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(Duration.ofNanos(wait));
                            }
                            var placed = (CommandResult.Accepted) orders.place(new NewOrder(
                                    ContractFixtures.newCustomer(), ContractFixtures.lines(), ContractFixtures.ADDRESS,
                                    shop));
                            var id = placed.order().id().toString();
                            committedAt.put(id, System.nanoTime());
                            if (i >= warmup) {
                                measured.add(id);
                            }
                        }
                        return null;
                    });
                }
            }
            double achieved = (total - warmup) / ((System.nanoTime() - start - warmup * interval) / 1e9);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!receivedAt.keySet().containsAll(measured) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stop.set(true);
            reader.join();
            // receive time - commit time; a record may arrive before its placer noted the commit time, and
            // then the latency was below what the placer's bookkeeping can resolve
            var sorted = measured.stream().filter(receivedAt::containsKey)
                    .mapToLong(id -> Math.max(0, receivedAt.get(id) - committedAt.get(id))).sorted().toArray();
            System.out.printf("latency commit -> consumed at %.0f orders/s over %d s: %d of %d events, "
                            + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", achieved, seconds, sorted.length,
                    measured.size(), percentile(sorted, 50), percentile(sorted, 99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void consume(Map<String, Long> receivedAt, AtomicBoolean stop) {
        var config = new Properties();
        try {
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stop.get()) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    receivedAt.putIfAbsent(record.key(), System.nanoTime());
                }
            }
        }
    }
}
