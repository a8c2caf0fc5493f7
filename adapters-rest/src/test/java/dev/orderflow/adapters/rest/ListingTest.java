package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.PageCursor;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListingTest {

    private final PageCursors cursors =
            new PageCursors("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void without_parameters_the_first_page_of_everything_holds_50() {
        var listing = Listing.parse(null, null, null, null, null, null, cursors);
        assertEquals(OrderFilter.all(), listing.filter());
        assertEquals(50, listing.page().limit());
        assertEquals(Optional.empty(), listing.page().after());
    }

    @Test
    void parameters_become_the_filter_and_the_next_link_repeats_them() {
        var listing = Listing.parse("shipped", "c:42", "2025-01-01T00:00:00+01:00", "2025-02-01T00:00:00Z", "10",
                null, cursors);
        assertEquals(new OrderFilter(Optional.of(OrderStatus.SHIPPED), Optional.of(new CustomerId("c:42")),
                Optional.of(Instant.parse("2024-12-31T23:00:00Z")), Optional.of(Instant.parse("2025-02-01T00:00:00Z"))),
                listing.filter());
        assertEquals("/o?status=SHIPPED&customerId=c%3A42&placedFrom=2024-12-31T23%3A00%3A00Z"
                + "&placedBefore=2025-02-01T00%3A00%3A00Z&limit=10&cursor=abc", listing.nextPage("/o", "abc"));
    }

    @Test
    void all_wrong_parameters_are_reported_together() {
        var refused = assertThrows(InvalidRequest.class,
                () -> Listing.parse("LOST", "-x", "yesterday", "2025-13-01T00:00:00Z", "0", null, cursors));
        assertEquals(List.of("status", "customerId", "placedFrom", "placedBefore", "limit"),
                refused.errors().stream().map(Problem.FieldError::parameter).toList());
        for (var instant : List.of("-5000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z")) {
            assertThrows(InvalidRequest.class, () -> Listing.parse(null, null, instant, null, null, null, cursors),
                    instant);
        }
        assertEquals(Optional.of(Instant.parse("0000-01-01T00:00:00Z")),
                Listing.parse(null, null, "0000-01-01T00:00:00Z", null, null, null, cursors).filter().placedFrom());
        for (var limit : List.of("201", "-1", "+1", "1.0", "abc", "99999")) {
            assertThrows(InvalidRequest.class, () -> Listing.parse(null, null, null, null, limit, null, cursors), limit);
        }
    }

    @Test
    void a_cursor_counts_only_with_the_filter_it_was_issued_for() {
        var position = new PageCursor(Instant.parse("2025-01-01T00:00:00Z"), new OrderId(UUID.randomUUID()));
        var mine = new OrderFilter(Optional.empty(), Optional.of(new CustomerId("c-1")), Optional.empty(),
                Optional.empty());
        var cursor = cursors.encode(position, mine);
        assertEquals(Optional.of(position), Listing.parse(null, "c-1", null, null, "5", cursor, cursors).page().after());
        var refused = assertThrows(InvalidRequest.class,
                () -> Listing.parse(null, "c-2", null, null, "5", cursor, cursors));
        assertEquals("cursor", refused.errors().getFirst().parameter());
    }
}
