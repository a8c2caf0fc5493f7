package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.PageCursor;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorsTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final PageCursors cursors = new PageCursors(SECRET);
    private final PageCursor position = new PageCursor(Instant.parse("2025-03-01T10:15:30.123456789Z"),
            new OrderId(UUID.fromString("01968a4e-3c1b-7cde-8f00-0123456789ab")));
    private final OrderFilter filter = new OrderFilter(Optional.of(OrderStatus.PENDING),
            Optional.of(new CustomerId("c-1")), Optional.empty(), Optional.empty());

    @Test
    void a_cursor_decodes_to_its_position_for_the_same_filter() {
        var text = cursors.encode(position, filter);
        assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
        assertEquals(Optional.of(position), cursors.decode(text, filter));
    }

    @Test
    void a_cursor_issued_for_another_filter_does_not_decode() {
        var text = cursors.encode(position, filter);
        var otherCustomer = new OrderFilter(filter.status(), Optional.of(new CustomerId("c-2")), Optional.empty(),
                Optional.empty());
        assertEquals(Optional.empty(), cursors.decode(text, otherCustomer));
        assertEquals(Optional.empty(), cursors.decode(text, OrderFilter.all()));
    }

    @Test
    void every_altered_byte_is_noticed() {
        var token = Base64.getUrlDecoder().decode(cursors.encode(position, filter));
        for (int i = 0; i < token.length; i++) {
            var altered = token.clone();
            altered[i] ^= 1;
            var text = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertEquals(Optional.empty(), cursors.decode(text, filter), "byte " + i);
        }
    }

    @Test
    void cursors_of_another_secret_garbage_and_oversized_text_do_not_decode() {
        var other = new PageCursors("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), cursors.decode(other.encode(position, filter), filter));
        for (var garbage : new String[]{"", "garbage", "!!!!", "A".repeat(82), "A".repeat(10_000), "%00"}) {
            assertEquals(Optional.empty(), cursors.decode(garbage, filter), garbage);
        }
    }

    @Test
    void a_short_secret_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new PageCursors(new byte[31]));
    }
}
