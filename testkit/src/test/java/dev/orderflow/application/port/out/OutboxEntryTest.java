package dev.orderflow.application.port.out;

import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.domain.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxEntryTest {

    private static final OrderId ORDER = new OrderId(UUID.fromString("0195f3a2-7c4e-7d1a-9b3c-5e6f7a8b9c0d"));
    private static final byte[] JSON = "{\"stored\":true}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_stored_entry_decodes_its_event_once_and_only_when_asked() {
        var event = deliveredLife(ORDER).getFirst();
        var decoded = new AtomicInteger();
        var stored = new OutboxEntry.Stored(1, "OrderPlaced", event.occurredAt(), JSON);
        var entry = OutboxEntry.stored(5, ORDER, stored, s -> {
            decoded.incrementAndGet();
            return event;
        }, Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

        assertEquals(ORDER, entry.orderId());
        assertSame(stored, entry.stored().orElseThrow());
        assertEquals(0, decoded.get());
        assertSame(event, entry.event());
        assertSame(event, entry.event());
        assertEquals(1, decoded.get());
    }

    @Test
    void a_stored_entry_equals_the_entry_of_its_event() {
        var event = deliveredLife(ORDER).get(1);
        var stored = OutboxEntry.stored(9, ORDER, new OutboxEntry.Stored(2, "OrderConfirmed", event.occurredAt(), JSON),
                s -> event, Map.of());

        assertEquals(new OutboxEntry(9, event), stored);
        assertEquals(new OutboxEntry(9, event).hashCode(), stored.hashCode());
        assertTrue(new OutboxEntry(9, event).stored().isEmpty());
    }

    @Test
    void stored_forms_are_equal_by_the_content_of_their_bytes() {
        var at = java.time.Instant.EPOCH;

        assertEquals(new OutboxEntry.Stored(1, "OrderPlaced", at, JSON.clone()),
                new OutboxEntry.Stored(1, "OrderPlaced", at, JSON.clone()));
        assertEquals(new OutboxEntry.Stored(1, "OrderPlaced", at, JSON.clone()).hashCode(),
                new OutboxEntry.Stored(1, "OrderPlaced", at, JSON.clone()).hashCode());
        assertNotEquals(new OutboxEntry.Stored(1, "OrderPlaced", at, JSON),
                new OutboxEntry.Stored(1, "OrderPlaced", at, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_decoder_that_fails_fails_the_call_to_event() {
        var entry = OutboxEntry.stored(3, ORDER, new OutboxEntry.Stored(1, "OrderPlaced", java.time.Instant.EPOCH, JSON),
                s -> {
                    throw new IllegalStateException("unreadable stored event");
                }, Map.of());

        assertEquals(ORDER, entry.orderId());
        assertThrows(IllegalStateException.class, entry::event);
    }
}
