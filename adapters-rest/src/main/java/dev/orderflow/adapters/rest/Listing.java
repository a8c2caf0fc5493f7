package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.PageCursor;
import dev.orderflow.application.port.in.PageRequest;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.OrderStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** What a {@code GET /orders} asks for, read from its query parameters, and the link to its next page. */
record Listing(OrderFilter filter, PageRequest page) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_INSTANT_LENGTH = 64;
    private static final String INSTANT_EXPECTED =
            "must be an ISO-8601 date-time with offset in the years 0000 to 9999, such as 2025-01-31T12:00:00Z";
    /** The years a four-digit ISO-8601 date can name; far wider than any order's, narrower than the database's. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
    private static final String LIMIT_EXPECTED = "must be an integer from 1 to " + PageRequest.MAX_LIMIT;

    /** Reads the query parameters; throws {@link InvalidRequest} naming each one that is wrong. */
    static Listing parse(String status, String customerId, String placedFrom, String placedBefore, String limit,
                         String cursor, PageCursors cursors) {
        var inputs = new Inputs();
        var filter = new OrderFilter(
                Optional.ofNullable(status).map(s -> status(s, inputs)),
                Optional.ofNullable(customerId).map(c -> inputs.parameter("customerId", () -> new CustomerId(c))),
                Optional.ofNullable(placedFrom).map(t -> instant("placedFrom", t, inputs)),
                Optional.ofNullable(placedBefore).map(t -> instant("placedBefore", t, inputs)));
        var size = limit == null ? Integer.valueOf(DEFAULT_LIMIT) : limit(limit, inputs);
        inputs.check();
        Optional<PageCursor> after = Optional.empty();
        if (cursor != null) {
            after = cursors.decode(cursor, filter);
            if (after.isEmpty()) {
                throw InvalidRequest.of(Problem.FieldError.parameter("cursor",
                        "is not a cursor this service issued for these filters; start again without one"));
            }
        }
        return new Listing(filter, new PageRequest(after, size));
    }

    /** The relative URL of the page after {@code next}, with the same filters and limit. */
    String nextPage(String path, String nextCursor) {
        var query = new StringJoiner("&", path + "?", "");
        filter.status().ifPresent(s -> query.add("status=" + s.name()));
        filter.customerId().ifPresent(c -> query.add("customerId=" + encode(c.value())));
        filter.placedFrom().ifPresent(t -> query.add("placedFrom=" + encode(t.toString())));
        filter.placedBefore().ifPresent(t -> query.add("placedBefore=" + encode(t.toString())));
        query.add("limit=" + page.limit());
        query.add("cursor=" + nextCursor);
        return query.toString();
    }

    private static OrderStatus status(String text, Inputs inputs) {
        try {
            return OrderStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return refused(inputs, "status", "must be one of " + Arrays.toString(OrderStatus.values()));
        }
    }

    private static Instant instant(String name, String text, Inputs inputs) {
        try {
            if (text.length() <= MAX_INSTANT_LENGTH) {
                var instant = OffsetDateTime.parse(text).toInstant();
                if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                    return instant;
                }
            }
        } catch (DateTimeParseException e) {
            return refused(inputs, name, INSTANT_EXPECTED);
        }
        return refused(inputs, name, INSTANT_EXPECTED);
    }

    private static Integer limit(String text, Inputs inputs) {
        int value = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : 0;
        return value >= 1 && value <= PageRequest.MAX_LIMIT ? value : refused(inputs, "limit", LIMIT_EXPECTED);
    }

    private static <T> T refused(Inputs inputs, String name, String expected) {
        inputs.add(Problem.FieldError.parameter(name, expected));
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
