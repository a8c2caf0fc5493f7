package dev.orderflow.adapters.rest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.domain.ShippingAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Every row of the REST API v1 table and every problem type a client can provoke, over real HTTP. Extend it
 * with a running server (see {@link ApiSuite}); the tests only add orders of their own customers.
 */
public abstract class OrdersApiSuite extends ApiSuite {

    // POST /orders

    @Test
    void placing_an_order_answers_201_with_location_etag_and_the_order() {
        var customer = customer();
        var before = storedOrders();
        var response = place(customer);
        var order = response.json();
        var id = order.get("id").getStringValue();
        assertEquals(ORDERS + "/" + id, response.header("Location").orElseThrow());
        assertEquals("\"1\"", response.header("ETag").orElseThrow());
        assertTrue(response.header("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("PENDING", order.get("status").getStringValue());
        assertEquals(1, order.get("version").getLongValue());
        assertEquals(customer, order.get("customerId").getStringValue());
        assertEquals("28.20", order.get("total").get("amount").getStringValue());
        assertEquals("EUR", order.get("total").get("currency").getStringValue());
        var line = order.get("lines").get(0);
        assertEquals("BOOK-1", line.get("sku").getStringValue());
        assertEquals(2, line.get("quantity").getIntValue());
        assertEquals("12.50", line.get("unitPrice").get("amount").getStringValue());
        assertEquals("25.00", line.get("total").get("amount").getStringValue());
        assertEquals("Berlin", order.get("shippingAddress").get("city").getStringValue());
        assertTrue(order.get("placedAt").getStringValue().endsWith("Z"));
        assertEquals(order.get("placedAt").getStringValue(), order.get("updatedAt").getStringValue());
        assertNull(order.get("confirmedAt"));
        assertEquals(before + 1, storedOrders());
    }

    @Test
    void the_same_idempotency_key_and_body_replay_the_first_response() {
        var customer = customer();
        var key = UUID.randomUUID().toString();
        var before = storedOrders();
        var first = place(customer, "Idempotency-Key", key);
        var second = place(customer, "Idempotency-Key", key);
        assertEquals(id(first), id(second));
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.text(), second.text());
        assertTrue(first.header("Idempotent-Replayed").isEmpty());
        assertEquals("true", second.header("Idempotent-Replayed").orElseThrow());
        assertEquals(before + 1, storedOrders());
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_422() {
        var key = UUID.randomUUID().toString();
        place(customer(), "Idempotency-Key", key);
        var before = storedOrders();
        var reused = api().postJson(ORDERS, orderJson(customer()), "Idempotency-Key", key);
        assertProblem(reused, 422, "idempotency-key-reuse");
        assertEquals(before, storedOrders());
    }

    @Test
    void a_refused_placement_under_an_idempotency_key_is_replayed_too() {
        var key = UUID.randomUUID().toString();
        var duplicateSku = orderJson(customer()).replace("PEN-7", "BOOK-1");
        var before = storedOrders();
        var first = api().postJson(ORDERS, duplicateSku, "Idempotency-Key", key);
        var problem = assertProblem(first, 400, "validation");
        assertEquals(List.of("/lines/1/sku"), fieldErrors(problem));
        var second = api().postJson(ORDERS, duplicateSku, "Idempotency-Key", key);
        assertEquals(400, second.status());
        assertEquals("true", second.header("Idempotent-Replayed").orElseThrow());
        assertEquals(first.text(), second.text());
        for (var answer : List.of(first, second)) { // once: a header sent twice reads as its values joined
            assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow());
        }
        assertEquals(before, storedOrders());
    }

    @Test
    void a_malformed_idempotency_key_is_a_validation_problem() {
        var before = storedOrders();
        var tooLong = api().postJson(ORDERS, orderJson(customer()), "Idempotency-Key", "k".repeat(256));
        assertEquals(List.of("header:Idempotency-Key"), fieldErrors(assertProblem(tooLong, 400, "validation")));
        var twoKeys = api().postJson(ORDERS, orderJson(customer()), "Idempotency-Key", UUID.randomUUID().toString(),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(List.of("header:Idempotency-Key"), fieldErrors(assertProblem(twoKeys, 400, "validation")));
        assertEquals(before, storedOrders());
    }

    @Test
    void invalid_fields_are_reported_with_json_pointers() {
        var body = """
                {"customerId": "c 1",
                 "lines": [{"sku": "BOOK-1", "quantity": 0, "unitPrice": {"amount": "12.345", "currency": "EUR"}},
                           {"sku": "PEN-7", "quantity": 1, "unitPrice": {"amount": "3.20", "currency": "USD"}}],
                 "shippingAddress": {"recipient": "Ada", "line1": "1 Main St", "postalCode": "10115",
                                     "city": "Berlin", "country": "XX"}}
                """;
        var before = storedOrders();
        var problem = assertProblem(api().postJson(ORDERS, body), 400, "validation");
        var errors = fieldErrors(problem);
        assertTrue(errors.contains("/lines/0/quantity"), errors::toString);
        assertEquals(before, storedOrders());
        var domain = assertProblem(api().postJson(ORDERS, body.replace("\"quantity\": 0", "\"quantity\": 1")), 400,
                "validation");
        assertEquals(List.of("/customerId", "/lines/0/unitPrice/amount", "/shippingAddress/country"),
                fieldErrors(domain));
        var currencies = assertProblem(api().postJson(ORDERS, orderJson(customer()).replace("\"3.20\", \"currency\": "
                + "\"EUR\"", "\"3.20\", \"currency\": \"USD\"")), 400, "validation");
        assertEquals(List.of("/lines/1/unitPrice/currency"), fieldErrors(currencies));
        assertEquals(before, storedOrders());
    }

    @Test
    void text_limits_count_characters_as_the_schema_does_not_utf16_units() {
        var parcel = "\uD83D\uDCE6"; // one character, two UTF-16 units
        var atTheLimit = api().postJson(ORDERS, orderJson(customer()).replace("Ada Lovelace",
                parcel.repeat(ShippingAddress.MAX_TEXT)));
        assertEquals(201, atTheLimit.status(), atTheLimit::toString);
        var before = storedOrders();
        var over = api().postJson(ORDERS, orderJson(customer()).replace("Ada Lovelace",
                parcel.repeat(ShippingAddress.MAX_TEXT + 1)));
        assertEquals(List.of("/shippingAddress/recipient"), fieldErrors(assertProblem(over, 400, "validation")));
        assertEquals(before, storedOrders());
    }

    @Test
    void missing_and_empty_parts_are_validation_problems() {
        var before = storedOrders();
        var problem = assertProblem(api().postJson(ORDERS, "{\"lines\": []}"), 400, "validation");
        var errors = fieldErrors(problem);
        assertTrue(errors.containsAll(List.of("/lines", "/shippingAddress")), errors::toString);
        var noCustomer = api().postJson(ORDERS, orderJson("x").replace("\"customerId\": \"x\",", ""));
        assertEquals(List.of("/customerId"), fieldErrors(assertProblem(noCustomer, 400, "validation")));
        assertEquals(before, storedOrders());
    }

    @Test
    void the_actor_is_the_authenticated_principal_and_x_actor_is_ignored() {
        var id = id(place(customer(), "X-Actor", "staff:ann"));
        var events = api().get(ORDERS + "/" + id + "/events").json().get("items");
        assertEquals("staff:" + STAFF, events.get(0).get("actor").getStringValue());
        var customer = customer();
        var own = as(customer, "customer").postJson(ORDERS, orderJson(customer), "X-Actor", "wizard:merlin");
        assertEquals(201, own.status(), own::toString);
        assertEquals("customer:" + customer, api().get(ORDERS + "/" + id(own) + "/events").json().get("items")
                .get(0).get("actor").getStringValue());
        var bySystem = as("payments", "service").postJson(ORDERS + "/" + id + "/confirm", null);
        assertEquals(200, bySystem.status(), bySystem::toString);
        assertEquals("system:payments", api().get(ORDERS + "/" + id + "/events").json().get("items").get(1)
                .get("actor").getStringValue());
    }

    @Test
    void text_that_looks_like_sql_or_markup_is_stored_and_returned_verbatim() {
        var hostile = "Robert'); DROP TABLE orders;-- <script>\\\"x\\\"</script> ☃";
        var body = orderJson(customer()).replace("\"Ada Lovelace\"", "\"" + hostile + "\"");
        var response = api().postJson(ORDERS, body);
        assertEquals(201, response.status(), response::toString);
        var stored = api().get(ORDERS + "/" + id(response)).json();
        assertEquals("Robert'); DROP TABLE orders;-- <script>\"x\"</script> ☃",
                stored.get("shippingAddress").get("recipient").getStringValue());
    }

    // GET /orders/{id}

    @Test
    void getting_an_order_answers_200_with_its_etag_and_304_when_unchanged() {
        var placed = place(customer());
        var id = id(placed);
        var response = api().get(ORDERS + "/" + id);
        assertEquals(200, response.status());
        assertEquals(placed.json(), response.json(), "the stored order reads back as it was first answered");
        assertEquals("\"1\"", response.header("ETag").orElseThrow());
        assertEquals(id, response.json().get("id").getStringValue());
        var unchanged = api().get(ORDERS + "/" + id, "If-None-Match", "\"1\"");
        assertEquals(304, unchanged.status());
        assertEquals("\"1\"", unchanged.header("ETag").orElseThrow());
        assertEquals(0, unchanged.body().length);
        assertEquals(200, api().get(ORDERS + "/" + id, "If-None-Match", "\"7\", W/\"8\"").status());
        assertEquals(304, api().get(ORDERS + "/" + id, "If-None-Match", "W/\"1\"").status());
    }

    @Test
    void an_unknown_order_is_404_and_a_malformed_id_400() {
        assertProblem(api().get(ORDERS + "/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(api().get(ORDERS + "/" + UUID.randomUUID() + "/events"), 404, "not-found");
        assertProblem(api().postJson(ORDERS + "/" + UUID.randomUUID() + "/confirm", null), 404, "not-found");
        var malformed = assertProblem(api().get(ORDERS + "/not-a-uuid"), 400, "validation");
        assertEquals(List.of("?id"), fieldErrors(malformed));
    }

    @Test
    void head_answers_the_header_fields_of_get_and_keeps_the_connection() {
        var customer = customer();
        var id = id(place(customer));
        for (var path : List.of(ORDERS + "/" + id, ORDERS + "/" + id + "/events", ORDERS + "?customerId=" + customer,
                ORDERS + "/" + UUID.randomUUID(), ORDERS + "/not-a-uuid")) {
            assertHeadLikeGet(api(), path);
        }
        assertHeadLikeGet(anonymous(), ORDERS + "/" + id);
    }

    private static void assertHeadLikeGet(ApiClient client, String path) {
        var get = client.get(path);
        for (var head : client.headsOnOneConnection(path, 2)) {
            assertEquals(get.status(), head.status(), () -> path + ": " + head);
            assertEquals(get.header("Content-Type"), head.header("Content-Type"), () -> path + ": " + head);
            assertEquals(String.valueOf(get.body().length), head.header("Content-Length").orElse(null),
                    () -> path + ": " + head);
            assertEquals(get.header("ETag"), head.header("ETag"), () -> path + ": " + head);
            assertNotEquals(Optional.of("close"), head.header("Connection"), () -> path + ": " + head);
        }
    }

    // GET /orders

    @Test
    void listing_pages_through_a_customers_orders_with_cursor_and_link() {
        var customer = customer();
        var placed = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            placed.add(id(place(customer)));
        }
        var seen = new ArrayList<String>();
        var path = ORDERS + "?customerId=" + customer + "&limit=2";
        int pages = 0;
        while (path != null) {
            var response = api().get(path);
            assertEquals(200, response.status(), response::toString);
            var page = response.json();
            for (var item : page.get("items").values()) {
                seen.add(item.get("id").getStringValue());
            }
            pages++;
            var next = page.get("nextCursor");
            var link = response.header("Link");
            if (next.isNull()) {
                assertTrue(link.isEmpty());
                path = null;
            } else {
                var target = link.orElseThrow();
                assertTrue(target.endsWith(">; rel=\"next\""), target);
                path = target.substring(1, target.indexOf('>'));
                assertTrue(path.contains("cursor=" + next.getStringValue()), path);
            }
        }
        assertEquals(3, pages);
        assertEquals(5, new HashSet<>(seen).size());
        assertEquals(new HashSet<>(placed), new HashSet<>(seen));
        assertEquals(placed.reversed(), seen, "newest first");
    }

    @Test
    void listing_filters_by_status_and_time() {
        var customer = customer();
        var confirmed = id(place(customer));
        id(place(customer));
        assertEquals(200, api().postJson(ORDERS + "/" + confirmed + "/confirm", null).status());
        var page = api().get(ORDERS + "?customerId=" + customer + "&status=CONFIRMED").json().get("items");
        assertEquals(1, page.size());
        assertEquals(confirmed, page.get(0).get("id").getStringValue());
        assertEquals(2, api().get(ORDERS + "?customerId=" + customer + "&placedFrom=2000-01-01T00:00:00Z")
                .json().get("items").size());
        assertEquals(0, api().get(ORDERS + "?customerId=" + customer + "&placedBefore=2000-01-01T00:00:00%2B01:00")
                .json().get("items").size());
        assertTrue(api().get(ORDERS).json().get("items").size() <= 50, "default limit");
    }

    @Test
    void listing_refuses_out_of_range_limits_and_bad_filters() {
        for (var limit : List.of("0", "201", "-1", "abc", "1.5", "99999999999", "1%000", "%2B1")) {
            var response = api().get(ORDERS + "?limit=" + limit);
            assertEquals(400, response.status(), () -> limit + " -> " + response);
            var problem = assertProblem(response, 400, "validation");
            assertEquals(List.of("?limit"), fieldErrors(problem), limit);
        }
        assertEquals(200, api().get(ORDERS + "?limit=1").status());
        assertEquals(200, api().get(ORDERS + "?limit=200").status());
        assertEquals(List.of("?status"), fieldErrors(assertProblem(api().get(ORDERS + "?status=LOST"), 400,
                "validation")));
        assertEquals(List.of("?placedFrom"), fieldErrors(assertProblem(api().get(ORDERS + "?placedFrom=yesterday"),
                400, "validation")));
        assertEquals(List.of("?customerId"), fieldErrors(assertProblem(api().get(ORDERS + "?customerId=-x"), 400,
                "validation")));
    }

    @Test
    void the_size_limits_declared_on_the_api_interface_are_enforced() {
        var problem = assertProblem(api().get(ORDERS + "?limit=123456789"), 400, "validation");
        assertEquals(List.of("?limit"), fieldErrors(problem));
        var detail = problem.get("errors").values().iterator().next().get("detail").getStringValue();
        assertEquals("must be at most 8 characters long", detail);
        var body = assertProblem(api().postJson(ORDERS, orderJson(customer()).replace("BOOK-1", "B".repeat(65))
                .replace("\"3.20\", \"currency\": \"EUR\"", "\"3.20\", \"currency\": \"EURO\"")), 400, "validation");
        var details = new ArrayList<String>();
        body.get("errors").values().forEach(e -> details.add(e.get("pointer").getStringValue() + " "
                + e.get("detail").getStringValue()));
        assertEquals(List.of("/lines/0/sku must be at most 64 characters long",
                "/lines/1/unitPrice/currency must be 3 characters long"), details);
    }

    @Test
    void tampered_foreign_and_made_up_cursors_are_400() {
        var customer = customer();
        place(customer);
        place(customer);
        var cursor = api().get(ORDERS + "?customerId=" + customer + "&limit=1").json().get("nextCursor")
                .getStringValue();
        assertEquals(200, api().get(ORDERS + "?customerId=" + customer + "&limit=1&cursor=" + cursor).status());
        var chars = cursor.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        for (var bad : List.of(new String(chars), cursor.substring(1), "garbage", "%00%ff", "A".repeat(82))) {
            var problem = assertProblem(api().get(ORDERS + "?customerId=" + customer + "&cursor=" + bad), 400,
                    "validation");
            assertEquals(List.of("?cursor"), fieldErrors(problem));
        }
        var foreign = api().get(ORDERS + "?customerId=" + customer() + "&cursor=" + cursor);
        assertEquals(List.of("?cursor"), fieldErrors(assertProblem(foreign, 400, "validation")));
        var otherStatus = api().get(ORDERS + "?customerId=" + customer + "&status=PENDING&cursor=" + cursor);
        assertProblem(otherStatus, 400, "validation");
    }

    // transitions and events

    @Test
    void an_order_goes_through_its_whole_life_with_new_etags() {
        var id = id(place(customer()));
        var confirmed = api().postJson(ORDERS + "/" + id + "/confirm", null, "If-Match", "\"1\"");
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("\"2\"", confirmed.header("ETag").orElseThrow());
        assertEquals("CONFIRMED", confirmed.json().get("status").getStringValue());
        var shipped = api().postJson(ORDERS + "/" + id + "/ship", """
                {"carrier": "DHL", "trackingNumber": "JD0001"}""", "If-Match", "\"2\"");
        assertEquals(200, shipped.status(), shipped::toString);
        assertEquals("\"3\"", shipped.header("ETag").orElseThrow());
        assertEquals("JD0001", shipped.json().get("trackingNumber").getStringValue());
        var delivered = api().postJson(ORDERS + "/" + id + "/deliver", null);
        assertEquals(200, delivered.status(), delivered::toString);
        assertEquals("DELIVERED", delivered.json().get("status").getStringValue());
        assertEquals("\"4\"", delivered.header("ETag").orElseThrow());
        var events = api().get(ORDERS + "/" + id + "/events");
        assertEquals(200, events.status());
        var types = new ArrayList<String>();
        long version = 0;
        for (var event : events.json().get("items").values()) {
            types.add(event.get("type").getStringValue());
            assertEquals(++version, event.get("version").getLongValue());
            assertEquals(id, event.get("orderId").getStringValue());
        }
        assertEquals(List.of("OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered"), types);
    }

    @Test
    void cancelling_needs_a_reason_and_is_refused_after_shipping() {
        var id = id(place(customer()));
        var noReason = api().postJson(ORDERS + "/" + id + "/cancel", "{}");
        assertEquals(List.of("/reason"), fieldErrors(assertProblem(noReason, 400, "validation")));
        var cancelled = api().postJson(ORDERS + "/" + id + "/cancel", "{\"reason\": \"changed my mind\"}");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().get("status").getStringValue());
        assertEquals("PENDING", cancelled.json().get("cancelledFrom").getStringValue());
        var again = assertProblem(api().postJson(ORDERS + "/" + id + "/confirm", null), 409, "invalid-transition");
        assertEquals("CANCELLED", again.get("currentStatus").getStringValue());
    }

    @Test
    void a_transition_the_state_does_not_allow_is_409_with_the_current_status() {
        var id = id(place(customer()));
        var problem = assertProblem(api().postJson(ORDERS + "/" + id + "/deliver", null), 409, "invalid-transition");
        assertEquals("PENDING", problem.get("currentStatus").getStringValue());
        var noCarrier = api().postJson(ORDERS + "/" + id + "/ship", "{\"trackingNumber\": \"JD1\"}");
        assertEquals(List.of("/carrier"), fieldErrors(assertProblem(noCarrier, 400, "validation")));
        var badTracking = api().postJson(ORDERS + "/" + id + "/ship",
                "{\"carrier\": \"DHL\", \"trackingNumber\": \"no spaces allowed\"}");
        assertEquals(List.of("/trackingNumber"), fieldErrors(assertProblem(badTracking, 400, "validation")));
    }

    @Test
    void if_match_with_an_old_version_is_412_and_a_malformed_one_400() {
        var id = id(place(customer()));
        assertEquals(200, api().postJson(ORDERS + "/" + id + "/confirm", null, "If-Match", "*").status());
        var stale = api().postJson(ORDERS + "/" + id + "/cancel", "{\"reason\": \"late\"}", "If-Match", "\"1\"");
        var problem = assertProblem(stale, 412, "precondition-failed");
        assertEquals(2, problem.get("currentVersion").getLongValue());
        assertEquals("\"2\"", stale.header("ETag").orElseThrow());
        var malformed = api().postJson(ORDERS + "/" + id + "/cancel", "{\"reason\": \"late\"}", "If-Match", "2");
        assertEquals(List.of("header:If-Match"), fieldErrors(assertProblem(malformed, 400, "validation")));
        assertEquals("CONFIRMED", api().get(ORDERS + "/" + id).json().get("status").getStringValue());
    }

    // problems Micronaut answers itself

    @Test
    void unknown_routes_wrong_methods_and_media_types_are_problems() {
        assertProblem(api().get("/api/v1/nothing-here"), 404, "not-found");
        assertProblem(api().get("/"), 404, "not-found");
        assertProblem(api().get(ORDERS + "?limit=1", "Accept", "text/html"), 406, "not-acceptable");
        // errors alone are acceptable to this client, but what the request asks for is not: the detail says so
        var errorsOnly = assertProblem(api().get(ORDERS + "?limit=1", "Accept", "application/problem+json"), 406,
                "not-acceptable");
        assertTrue(errorsOnly.get("detail").getStringValue().contains("accept application/json"),
                errorsOnly::toString);
        assertEquals(200, api().get(ORDERS + "?limit=1", "Accept", "text/html,*/*;q=0.8").status());
        var method = api().send("DELETE", ORDERS + "/" + UUID.randomUUID(), null);
        assertProblem(method, 405, "method-not-allowed");
        assertTrue(method.header("Allow").isPresent(), method::toString);
        assertProblem(api().send("PUT", ORDERS, "{}".getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/json"), 405, "method-not-allowed");
        var before = storedOrders();
        assertProblem(api().postJson(ORDERS, orderJson(customer()), "Content-Type", "text/plain"), 415,
                "unsupported-media-type");
        assertProblem(api().postJson(ORDERS, orderJson(customer()), "Content-Type", "application/xml"), 415,
                "unsupported-media-type");
        assertEquals(before, storedOrders());
    }

    @Test
    void unreadable_bodies_are_malformed_body_problems() {
        var before = storedOrders();
        for (var body : List.of("", "{", "not json", "[]", "null", "\"text\"", "{\"customerId\": }",
                orderJson(customer()).replace("\"quantity\": 2", "\"quantity\": \"two\""),
                orderJson(customer()).replace("\"quantity\": 2", "\"quantity\": 99999999999999999999999"),
                orderJson(customer()).replace("\"quantity\": 2", "\"quantity\": 1e400"),
                orderJson(customer()).replace("\"lines\": [", "\"lines\": {\"x\": ").replace("}}],", "}},"),
                orderJson(customer()).replace("\"customerId\": \"", "\"customerId\": [\"").replace("\",\n", "\"],\n")
        )) {
            var response = api().postJson(ORDERS, body);
            assertTrue(response.status() == 400, () -> body + " -> " + response);
            var kind = assertProblemBody(response, null).get("type").getStringValue();
            assertTrue(kind.equals(PROBLEMS + "malformed-body") || kind.equals(PROBLEMS + "validation"),
                    () -> body + " -> " + response);
        }
        var brokenUtf8 = orderJson(customer()).getBytes(StandardCharsets.UTF_8);
        var bytes = new byte[brokenUtf8.length + 2];
        System.arraycopy(brokenUtf8, 0, bytes, 0, brokenUtf8.length);
        int at = new String(brokenUtf8, StandardCharsets.UTF_8).indexOf("Berlin") + 2;
        System.arraycopy(brokenUtf8, 0, bytes, 0, at);
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        System.arraycopy(brokenUtf8, at, bytes, at + 2, brokenUtf8.length - at);
        var response = api().send("POST", ORDERS, bytes, "Content-Type", "application/json");
        assertEquals(400, response.status(), response::toString);
        assertProblemBody(response, "malformed-body");
        assertEquals(before, storedOrders());
    }

    @Test
    void a_member_the_request_does_not_define_or_one_named_twice_is_refused() {
        var before = storedOrders();
        var order = orderJson(customer());
        for (var body : List.of(order.replace("\"lines\"", "\"bogus\": 1, \"lines\""),
                order.replace("\"sku\"", "\"colour\": \"red\", \"sku\""),
                order.replace("\"currency\"", "\"rate\": \"1\", \"currency\""),
                order.replace("\"city\"", "\"lin2\": \"Flat 3\", \"city\""))) {
            var refused = assertProblem(api().postJson(ORDERS, body), 400, "malformed-body");
            assertTrue(refused.get("detail").getStringValue().matches(
                    "the body has a member this request does not define: \"(bogus|colour|rate|lin2)\""), refused::toString);
        }
        var twice = assertProblem(api().postJson(ORDERS, order.replace("\"quantity\": 2", "\"quantity\": 2, \"quantity\": 9")),
                400, "malformed-body");
        assertTrue(twice.get("detail").getStringValue().contains("/lines/0/quantity"), twice::toString);
        assertProblem(api().postJson(ORDERS, order.replace("{\"customerId\": \"", "{\"customerId\": \"c-other\", \"customerId\": \"")),
                400, "malformed-body");
        assertEquals(before, storedOrders());
        var id = id(place(customer()));
        assertProblem(api().postJson(ORDERS + "/" + id + "/cancel", "{\"reason\": \"r\", \"reson\": \"r\"}"), 400,
                "malformed-body");
        assertProblem(api().postJson(ORDERS + "/" + id + "/cancel", "{\"reason\": \"a\", \"reason\": \"b\"}"), 400,
                "malformed-body");
        assertEquals("PENDING", api().get(ORDERS + "/" + id).json().get("status").getStringValue());
    }

    @Test
    void a_body_in_gzip_coding_is_read_and_one_that_only_says_so_is_malformed() throws IOException {
        var order = orderJson(customer());
        var compressed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(compressed)) {
            gzip.write(order.getBytes(StandardCharsets.UTF_8));
        }
        var placed = api().send("POST", ORDERS, compressed.toByteArray(), "Content-Type", "application/json",
                "Content-Encoding", "gzip");
        assertEquals(201, placed.status(), placed::toString);
        var before = storedOrders();
        var refused = assertProblem(api().send("POST", ORDERS, order.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Content-Encoding", "gzip"), 400, "malformed-body");
        assertTrue(refused.get("detail").getStringValue().contains("Content-Encoding"), refused::toString);
        assertProblem(api().send("POST", ORDERS, order.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Content-Encoding", "br"), 415, "unsupported-media-type");
        assertEquals(before, storedOrders());
    }

    @Test
    void a_body_larger_than_the_limit_is_413() {
        var before = storedOrders();
        var huge = orderJson(customer()).replace("\"Ada Lovelace\"", "\"" + "x".repeat(300_000) + "\"");
        assertProblem(api().postJson(ORDERS, huge), 413, "payload-too-large");
        assertEquals(before, storedOrders());
    }

    // correlation id

    @Test
    void the_request_id_is_echoed_or_generated() {
        var sent = api().get(ORDERS + "?limit=1", "X-Request-Id", "trace-42");
        assertEquals("trace-42", sent.header("X-Request-Id").orElseThrow());
        var generated = api().get(ORDERS + "?limit=1").header("X-Request-Id").orElseThrow();
        assertEquals(generated, UUID.fromString(generated).toString());
        var hostile = api().get(ORDERS + "?limit=1", "X-Request-Id", "a b\"<script>" + "x".repeat(300))
                .header("X-Request-Id").orElseThrow();
        assertEquals(hostile, UUID.fromString(hostile).toString());
        var problem = api().get(ORDERS + "/" + UUID.randomUUID(), "X-Request-Id", "trace-43");
        assertEquals("trace-43", assertProblem(problem, 404, "not-found").get("requestId").getStringValue());
        var other = api().get(ORDERS + "?limit=1").header("X-Request-Id").orElseThrow();
        assertNotEquals(generated, other);
        for (var refused : List.of(api().get("/no-such-path"), api().send("DELETE", ORDERS, null),
                api().postJson(ORDERS, "{"), api().postJson(ORDERS, orderJson(customer()), "Content-Type", "text/plain"))) {
            assertEquals(assertProblemBody(refused, null).get("requestId").getStringValue(),
                    refused.header("X-Request-Id").orElseThrow(), "sent once, the body's: " + refused);
        }
    }

    @Test
    void the_openapi_document_and_swagger_ui_are_served() {
        var document = api().get("/swagger/orderflow-v1.yml");
        assertEquals(200, document.status(), document::toString);
        assertTrue(document.text().contains("/api/v1/orders/{id}/confirm"));
        var ui = api().get("/swagger-ui/index.html");
        assertEquals(ui.text(), api().get("/swagger-ui").text());
        assertEquals(200, ui.status());
        assertTrue(ui.text().contains("swagger-ui"));
        assertFalse(api().get("/swagger-ui/res/swagger-ui-bundle.js").text().isEmpty());
    }
}
