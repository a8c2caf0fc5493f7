package dev.orderflow.bootstrap;

import static dev.orderflow.adapters.rest.api.ApiSuite.ORDERS;
import static dev.orderflow.adapters.rest.api.ApiSuite.customer;
import static dev.orderflow.adapters.rest.api.ApiSuite.orderJson;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.adapters.persistence.TestDatabase;
import dev.orderflow.adapters.rest.api.ApiClient;
import dev.orderflow.adapters.rest.api.TestTokens;
import dev.orderflow.events.EventType;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes of the packaged service on one PostgreSQL database and one Kafka broker, as the service
 * scales out, with the same token and cursor secrets. A page cursor and an idempotent retry work across
 * them. Then, with the broker down, orders are placed and moved on through both, alternately, so that the
 * outbox holds all their events; the broker comes back, both relays drain the backlog, and the first
 * instance is killed with SIGKILL in the middle, while it holds the outbox's lock. Its transaction ends
 * with its connection and the second drains the rest: every event of the event log is on the topic, and each
 * order's events arrive in version order (redeliveries of an earlier event aside: delivery is at least once).
 * The methods run in their order: the last one kills an instance the others need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String TOPIC = "orderflow.orders.v1";
    private static final int ORDERS_PLACED = 200;
    private static final int CLIENTS = 8;
    private static final String CURSOR_SECRET = "two-instances-cursor-secret-0123456789";
    private static final String UNPUBLISHED = "SELECT count(*) FROM outbox WHERE published_at IS NULL";
    /**
     * The unpublished entries while a frozen relay holds the outbox: a transaction holds the outbox's advisory
     * lock (OutboxRows) and has waited for its client for longer than a working relay's publication of two
     * entries takes.
     */
    private static final String HELD_BY_FROZEN = UNPUBLISHED + " AND EXISTS ("
            + "SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            + "WHERE l.locktype = 'advisory' AND l.classid = x'6f626f78'::int::oid AND l.objid = 0 AND l.granted "
            + "AND a.state = 'idle in transaction' AND a.state_change < now() - interval '250 milliseconds')";
    private static final Pattern PUBLISHED_METRIC =
            Pattern.compile("(?m)^orderflow_outbox_published_total(?:\\{[^}]*})? (\\S+)$");
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    @TempDir
    static Path workDir;

    private TestBroker broker;
    private TestDatabase database;
    private ServiceProcess first;
    private ServiceProcess second;
    private ApiClient firstApi;
    private ApiClient secondApi;
    private ApiClient firstAdmin;

    @BeforeAll
    void start() throws Exception {
        broker = TestBroker.start(Map.of(TOPIC, 3, "payments.v1", 1, "shipping.v1", 1));
        database = TestDatabase.empty();
        // both at once on the empty database: they migrate it together, as a deployment's instances do
        first = ServiceProcess.launch(workDir.resolve("first"), environment());
        second = ServiceProcess.launch(workDir.resolve("second"), environment());
        first.awaitStarted();
        second.awaitStarted();
        for (var service : List.of(first, second)) {
            assertTrue(service.stdout().contains("(1 relay threads)"), "the relay settings apply\n" + service.stdout());
        }
        // the same principal on both: idempotency keys are scoped per principal
        var staff = TestTokens.hs256(TestTokens.SECRET).mint("two-instances", "staff");
        firstApi = new ApiClient(first.uri()).withToken(staff);
        secondApi = new ApiClient(second.uri()).withToken(staff);
        firstAdmin = new ApiClient(first.uri()).withToken(TestTokens.hs256(TestTokens.SECRET).mint("ops", "admin"));
    }

    private Map<String, String> environment() {
        var env = new HashMap<String, String>();
        env.put("ORDERFLOW_DB_URL", database.url());
        env.put("ORDERFLOW_DB_USER", database.user());
        env.put("ORDERFLOW_DB_PASSWORD", database.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("ORDERFLOW_API_CURSOR_SECRET", CURSOR_SECRET);
        // one relay thread with tiny batches: the drain of the backlog (hundreds of claim, send, mark rounds)
        // lasts long enough to kill one in it, also on a fast machine
        env.put("ORDERFLOW_MESSAGING_RELAY_THREADS", "1");
        env.put("ORDERFLOW_MESSAGING_RELAY_BATCH_SIZE", "2");
        env.put("ORDERFLOW_MESSAGING_RELAY_LEASE", "10s");
        env.put("ORDERFLOW_MESSAGING_RELAY_MAX_BACKOFF", "500ms");
        // a send gives up within the lease (the service refuses a lease shorter than this)
        env.put("KAFKA_DELIVERY_TIMEOUT_MS", "3000");
        env.put("KAFKA_REQUEST_TIMEOUT_MS", "2000");
        return env;
    }

    @AfterAll
    void stop() throws Exception {
        // the services before the broker
        for (var service : new ServiceProcess[] {first, second}) {
            if (service != null) {
                service.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void a_page_cursor_from_one_instance_works_on_the_other() {
        var customer = customer();
        var placed = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            placed.add(id(expect(201, instance(i).postJson(ORDERS, orderJson(customer)))));
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        // pages of two, from the first, the second, the first instance: each takes the other's cursor
        for (int page = 0; page < 3; page++) {
            var listed = expect(200, instance(page).get(ORDERS + "?customerId=" + customer + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor))).json();
            listed.get("items").values().forEach(item -> seen.add(item.get("id").getStringValue()));
            var next = listed.get("nextCursor");
            cursor = next.isNull() ? null : next.getStringValue();
        }
        assertEquals(placed.reversed(), seen, "newest first, each once");
        assertNull(cursor, "five orders fill three pages");
    }

    @Test
    @Order(2)
    void an_idempotent_retry_that_lands_on_the_other_instance_gets_the_first_answer() {
        var customer = customer();
        var key = UUID.randomUUID().toString();
        var answer = firstApi.postJson(ORDERS, orderJson(customer), "Idempotency-Key", key);
        var retry = secondApi.postJson(ORDERS, orderJson(customer), "Idempotency-Key", key);
        var stored = expect(200, secondApi.get(ORDERS + "?customerId=" + customer)).json().get("items");
        assertAll(
                () -> assertEquals(201, answer.status(), answer::toString),
                () -> assertEquals(201, retry.status(), retry::toString),
                () -> assertEquals("true", retry.header("Idempotent-Replayed").orElse(null), retry::toString),
                () -> assertEquals(answer.text(), retry.text()),
                () -> assertEquals(answer.header("Location"), retry.header("Location")),
                () -> assertEquals(answer.header("ETag"), retry.header("ETag")),
                () -> assertEquals(1, stored.size(), "one order placed"));
    }

    @Test
    @Order(3)
    void every_event_is_published_in_order_when_an_instance_is_killed_while_draining() throws Exception {
        try (var db = database.dataSource().getConnection()) {
            await("the earlier tests' events are published", Duration.ofMinutes(1), () -> count(db, UNPUBLISHED) == 0);
            var publishedBefore = publishedBy(firstAdmin);
            broker.stopBroker();
            long backlog;
            try {
                placeAndMoveOn(ORDERS_PLACED);
                backlog = count(db, UNPUBLISHED);
            } finally {
                broker.startBroker();
            }
            await("the first instance publishes part of the backlog", Duration.ofMinutes(1),
                    () -> publishedBy(firstAdmin) >= publishedBefore + 10);

            // the second instance stands still where it holds no lock, so that the first drains alone; then the
            // first is frozen, and killed if it holds the outbox, or let go on and looked at again if not
            var deadline = Instant.now().plus(Duration.ofSeconds(30));
            long unpublishedAtKill;
            long orphaned;
            try {
                while (freezeHolding(second, db) > 0) {
                    second.thaw();
                    giveUpAfter(deadline, db, "the second instance never stood still without the outbox's lock");
                    Thread.sleep(5);
                }
                while ((orphaned = freezeHolding(first, db)) == 0) {
                    first.thaw();
                    giveUpAfter(deadline, db, "the first instance never held the outbox");
                    Thread.sleep(50);
                }
                first.kill();
                unpublishedAtKill = count(db, UNPUBLISHED);
            } finally {
                second.thaw();
            }
            var killedAt = Instant.now();
            await("the second instance drains the outbox", Duration.ofMinutes(1), () -> count(db, UNPUBLISHED) == 0);
            var drained = Duration.between(killedAt, Instant.now());

            var logged = eventLog(db);
            var records = readTopic();
            var arrivals = Arrivals.of(records);
            var differences = new ArrayList<String>();
            logged.forEach((order, events) -> {
                if (!events.equals(arrivals.first().get(order))) {
                    differences.add(order + ": logged " + events + ", first arrivals " + arrivals.first().get(order));
                }
            });
            arrivals.first().keySet().stream().filter(order -> !logged.containsKey(order))
                    .forEach(order -> differences.add(order + ": on the topic, not in the event log"));
            System.out.printf("two instances: %d events in the backlog; the first instance killed with %d unpublished,"
                            + " %d of them held by it; the second drained the rest in %d ms; %d records on the topic,"
                            + " %d of them redeliveries%n", backlog, unpublishedAtKill, orphaned, drained.toMillis(),
                    records.size(), arrivals.redeliveries());
            var held = orphaned;
            assertAll(
                    () -> assertTrue(backlog >= ORDERS_PLACED, "every order's events waited: " + backlog),
                    () -> assertTrue(held > 0, "killed while it held the outbox with unpublished entries"),
                    () -> assertEquals(List.of(), differences,
                            "every event of the log on the topic, each order's in version order (redeliveries aside)"),
                    () -> assertEquals(List.of(), arrivals.changedIds(), "a redelivery keeps its ce_id"));
        }
    }

    @Test
    @Order(4)
    void sigterm_stops_an_instance_in_kafka_mode_without_waiting_out_the_grace_period() {
        // Micronaut Kafka's own consumer executor is a scheduled one, whose graceful shutdown waited for the
        // consumers' poll loops, which end only after it: every stop took the whole grace period
        int exit = second.terminate();
        var log = second.stdout();
        assertAll(
                () -> assertEquals(0, exit, "a clean stop"),
                () -> assertTrue(log.contains("\"stopped\""), "the orderly stop finished"),
                () -> assertFalse(log.contains("Timeout hit in graceful shutdown"), "no wait for the grace period"));
    }

    /**
     * What a consumer that deduplicates on {@code ce_id} sees of the topic: each order's events in the order
     * of their first arrival, as "version type"; how many records were redeliveries of an event seen before;
     * and the redeliveries that came with another {@code ce_id} than the first.
     */
    private record Arrivals(Map<String, List<String>> first, int redeliveries, List<String> changedIds) {

        static Arrivals of(List<ConsumerRecord<String, byte[]>> records) {
            var first = new TreeMap<String, List<String>>();
            var ceIds = new HashMap<String, String>();
            var changedIds = new ArrayList<String>();
            for (var record : records) {
                var version = json(record.value()).get("version").getLongValue();
                var event = record.key() + "/" + version;
                var ceId = header(record, "ce_id");
                var earlier = ceIds.putIfAbsent(event, ceId);
                if (earlier == null) {
                    first.computeIfAbsent(record.key(), order -> new ArrayList<>())
                            .add(version + " " + storedName(header(record, "ce_type")));
                } else if (!earlier.equals(ceId)) {
                    changedIds.add(event + ": " + earlier + " then " + ceId);
                }
            }
            return new Arrivals(first, records.size() - ceIds.size(), changedIds);
        }
    }

    /**
     * Freezes the instance and returns the unpublished entries held by a frozen relay: what it sent finishes
     * in the database and nothing more comes, so its transaction waits, if it has one.
     */
    private static long freezeHolding(ServiceProcess instance, Connection db) throws InterruptedException {
        instance.freeze();
        Thread.sleep(300);
        return count(db, HELD_BY_FROZEN);
    }

    private static void giveUpAfter(Instant deadline, Connection db, String what) {
        if (Instant.now().isAfter(deadline)) {
            throw new AssertionError(what + "; unpublished: " + count(db, UNPUBLISHED));
        }
    }

    /** An instance by turn: the first for even numbers, the second for odd ones. */
    private ApiClient instance(int turn) {
        return turn % 2 == 0 ? firstApi : secondApi;
    }

    /**
     * Places {@code count} orders, {@link #CLIENTS} at a time, and moves each on through both instances in
     * turn: delivered, confirmed and cancelled, cancelled, or left pending.
     */
    private void placeAndMoveOn(int count) throws Exception {
        var ship = """
                {"carrier": "DHL", "trackingNumber": "JD0001"}""";
        var cancel = """
                {"reason": "changed my mind"}""";
        try (var clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Callable<Void>> lives = IntStream.range(0, count).<Callable<Void>>mapToObj(n -> () -> {
                var here = instance(n);
                var there = instance(n + 1);
                var path = ORDERS + "/" + id(expect(201, here.postJson(ORDERS, orderJson(customer())))) + "/";
                switch (n % 4) {
                    case 0 -> {
                        expect(200, there.postJson(path + "confirm", null));
                        expect(200, here.postJson(path + "ship", ship));
                        expect(200, there.postJson(path + "deliver", null));
                    }
                    case 1 -> {
                        expect(200, there.postJson(path + "confirm", null));
                        expect(200, here.postJson(path + "cancel", cancel));
                    }
                    case 2 -> expect(200, there.postJson(path + "cancel", cancel));
                    default -> {
                        // stays pending
                    }
                }
                return null;
            }).toList();
            for (var life : clients.invokeAll(lives)) {
                life.get();
            }
        }
    }

    private static ApiClient.Response expect(int status, ApiClient.Response response) {
        assertEquals(status, response.status(), response::toString);
        return response;
    }

    private static String id(ApiClient.Response response) {
        return response.json().get("id").getStringValue();
    }

    /** The {@code orderflow_outbox_published_total} of the instance: the outbox entries it published. */
    private static double publishedBy(ApiClient admin) {
        var metrics = expect(200, admin.get("/prometheus")).text();
        var value = PUBLISHED_METRIC.matcher(metrics);
        if (!value.find()) {
            throw new AssertionError("no orderflow_outbox_published_total in\n" + metrics);
        }
        return Double.parseDouble(value.group(1));
    }

    private static long count(Connection db, String query) {
        try (var statement = db.createStatement(); var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** Each order's events in the event log, in version order, as "version type". */
    private static Map<String, List<String>> eventLog(Connection db) throws SQLException {
        var log = new TreeMap<String, List<String>>();
        try (var statement = db.createStatement();
             var rows = statement.executeQuery("SELECT order_id, version, event_type FROM order_events "
                     + "ORDER BY order_id, version")) {
            while (rows.next()) {
                log.computeIfAbsent(rows.getString("order_id"), order -> new ArrayList<>())
                        .add(rows.getLong("version") + " " + rows.getString("event_type"));
            }
        }
        return log;
    }

    /** Every record now on the orders topic, each partition's in offset order. */
    private List<ConsumerRecord<String, byte[]>> readTopic() {
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                broker.bootstrapServers(), "enable.auto.commit", "false"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + TOPIC + " to its end within a minute");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The event type's name in the event log, for its {@code ce_type}; the {@code ce_type} if it has none. */
    private static String storedName(String ceType) {
        return EventType.byCloudEventsType(ceType).map(EventType::storedName).orElse(ceType);
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readValue(value, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + patience + " in vain: " + what);
            }
            Thread.sleep(20);
        }
    }
}
