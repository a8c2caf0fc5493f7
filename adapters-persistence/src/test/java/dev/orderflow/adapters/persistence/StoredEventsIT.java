package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.cancelledLife;
import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static dev.orderflow.testkit.contract.ContractFixtures.publishAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventType;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pins the stored format: the rows under {@code golden/stored/} are what the event log and the outbox hold for one
 * event of each type. A stored event must read back after any change, so when this test fails the change needs a
 * migration of the existing rows (and a new golden row), not an edit of the file.
 */
class StoredEventsIT {

    static final OrderId DELIVERED = new OrderId(UUID.fromString("0195f3a2-7c4e-7d1a-9b3c-5e6f7a8b9c0d"));
    static final OrderId CANCELLED = new OrderId(UUID.fromString("0195f3a2-7c4e-7d1a-9b3c-5e6f7a8b9c0e"));

    @RegisterExtension
    static final TestStorage running = new TestStorage();

    /** The golden events: one of each type, the cancellation of another order. */
    static List<OrderEvent> goldenEvents() {
        return Stream.concat(deliveredLife(DELIVERED).stream(), Stream.of(cancelledLife(CANCELLED).get(2))).toList();
    }

    private static String golden(OrderEvent event) throws IOException {
        var path = "/golden/stored/" + EventType.of(event).storedName() + ".json";
        try (var in = StoredEventsIT.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> tree(String json) throws IOException {
        return running.context().getBean(JsonMapper.class).readValue(json, Argument.mapOf(String.class, Object.class));
    }

    @Test
    void the_event_log_and_the_outbox_store_each_event_as_its_golden_row() throws Exception {
        var storage = running.emptied();
        var events = goldenEvents();
        storage.transactions().inTransaction(() -> {
            storage.eventLog().append(events);
            storage.outbox().append(events);
            return null;
        });
        for (var table : List.of("order_events", "outbox")) {
            for (var event : events) {
                assertEquals(tree(golden(event)), tree(row(table, event)), table + " " + EventType.of(event));
            }
        }
    }

    @Test
    void golden_rows_read_back_as_the_events_from_the_event_log_and_the_outbox() throws Exception {
        var storage = running.emptied();
        for (var event : goldenEvents()) {
            for (var table : List.of("order_events", "outbox")) {
                insert(table, golden(event));
            }
        }
        var expected = goldenEvents();
        var history = new ArrayList<>(storage.eventLog().history(DELIVERED));
        history.addAll(storage.eventLog().history(CANCELLED));
        assertEquals(expected, history);
        var claimed = publishAll(storage.outbox(), java.time.Instant.now());
        assertEquals(expected, claimed.stream().map(entry -> entry.event()).toList());
    }

    @Test
    void a_claimed_entry_carries_the_json_exactly_as_the_codec_wrote_it_and_decodes_only_when_asked() {
        var storage = running.emptied();
        var events = goldenEvents();
        storage.outbox().append(events);
        var codec = new EventCodec(running.context().getBean(JsonMapper.class));
        var claimed = publishAll(storage.outbox(), java.time.Instant.now());
        assertEquals(events.size(), claimed.size());
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            var stored = claimed.get(i).stored().orElseThrow();
            assertEquals(new String(codec.write(event), StandardCharsets.UTF_8),
                    new String(stored.serialized(), StandardCharsets.UTF_8));
            assertEquals(EventType.of(event).storedName(), stored.type());
            assertEquals(event.version(), stored.version());
            assertEquals(event.occurredAt(), stored.occurredAt());
            assertEquals(event, claimed.get(i).event());
        }
    }

    private static String row(String table, OrderEvent event) throws SQLException {
        try (var connection = running.database().dataSource().getConnection();
             var s = connection.prepareStatement("SELECT jsonb_build_object('order_id', order_id, 'version', "
                     + "version, 'event_type', event_type, 'payload', payload)::text FROM " + table
                     + " WHERE order_id = ? AND version = ?")) {
            s.setObject(1, event.orderId().value());
            s.setLong(2, event.version());
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Inserts a golden row; the time column is the payload's. */
    static void insert(TestDatabase database, String table, String row) throws SQLException {
        try (var connection = database.dataSource().getConnection();
             var s = connection.prepareStatement("INSERT INTO " + table
                     + " (order_id, version, event_type, occurred_at, payload) SELECT (r ->> 'order_id')::uuid, "
                     + "(r ->> 'version')::bigint, r ->> 'event_type', (r -> 'payload' ->> 'occurredAt')::timestamptz, "
                     + "r -> 'payload' FROM (SELECT ?::jsonb AS r) AS golden")) {
            s.setString(1, row);
            s.executeUpdate();
        }
    }

    private static void insert(String table, String row) throws SQLException {
        insert(running.database(), table, row);
    }
}
