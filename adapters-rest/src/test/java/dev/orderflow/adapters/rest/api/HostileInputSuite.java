package dev.orderflow.adapters.rest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of generated malformed and hostile requests: wrong types, boundary values, oversized fields,
 * broken UTF-8, path traversal, injection strings, huge headers. None may get a 5xx or a body that is not
 * problem+json, and none may store anything.
 */
public abstract class HostileInputSuite extends ApiSuite {

    private static final String HUGE = "x".repeat(5_000);
    /** Invalid for every string field: wrong JSON types, blank, oversized, control characters. */
    private static final List<String> NOT_A_VALID_STRING = List.of("null", "0", "-1", "1.5", "true", "[]", "{}",
            "[\"a\"]", "{\"$ne\": null}", "\"\"", "\"   \"", "\"" + HUGE + "\"", "\"a\\u0000b\"", "\"a\\u0007b\"",
            "\"\\ud800\"", "1e309", "99999999999999999999999999");
    /** Invalid for fields with a strict shape (ids, codes, amounts): injections, traversal, markup. */
    private static final List<String> HOSTILE_TOKENS = List.of("\"' OR '1'='1\"", "\"1; DROP TABLE orders;--\"",
            "\"../../etc/passwd\"", "\"..\\\\..\\\\windows\"", "\"<script>alert(1)</script>\"",
            "\"${jndi:ldap://127.0.0.1/x}\"", "\"%00\"", "\"\\\"},{\\\"injected\\\":1\"", "\"☃\"", "\"𝔘𝔫𝔦\"",
            "\"\\u202eRTL\"", "\"a b\"");
    /** Invalid quantities: out of range, wrong types, not integers, overflowing. */
    private static final List<String> NOT_A_QUANTITY = List.of("0", "-1", "10001", "2147483648", "-2147483649",
            "1.5", "1e3", "1e309", "99999999999999999999999999", "\"2\"", "\"two\"", "null", "true", "[]", "{}",
            "NaN", "Infinity", "0x10", "01");
    /** Invalid amounts: floats instead of strings, negative, too precise, not numbers, overflowing. */
    private static final List<String> NOT_AN_AMOUNT = List.of("12.5", "\"-1.00\"", "\"12.345\"", "\"1e3\"",
            "\"12,50\"", "\"NaN\"", "\"99999999999999999999.00\"", "\"0x10\"", "\" 12.50\"", "\"12.\"", "\".5\"");

    private int sent;
    private final List<String> failures = new ArrayList<>();

    @Test
    void generated_hostile_requests_get_4xx_problems_and_store_nothing() {
        var before = storedOrders();
        var existing = id(place(customer()));
        before++;

        // body fields, one at a time
        var fields = new LinkedHashMap<String, List<String>>();
        for (var strict : List.of("customerId", "sku", "currency", "country")) {
            fields.put(strict, concat(NOT_A_VALID_STRING, HOSTILE_TOKENS));
        }
        for (var text : List.of("recipient", "line1", "postalCode", "city")) {
            fields.put(text, NOT_A_VALID_STRING);
        }
        fields.put("line2", List.of("0", "true", "[]", "{}", "\"" + HUGE + "\"", "\"a\\u0000b\""));
        fields.put("quantity", NOT_A_QUANTITY);
        fields.put("amount", concat(NOT_AN_AMOUNT, NOT_A_VALID_STRING));
        fields.put("lines", List.of("null", "[]", "{}", "\"lines\"", "[null]", "[1]", "[[]]", manyLines(101)));
        fields.put("shippingAddress", List.of("null", "[]", "\"Berlin\"", "{}", "1"));
        fields.put("unitPrice", List.of("null", "\"12.50\"", "12.5", "[]", "{}", "{\"amount\": \"1.00\"}"));
        for (var field : fields.entrySet()) {
            for (var value : field.getValue()) {
                expectRefusal(api().postJson(ORDERS, withField(field.getKey(), value)), field.getKey() + "=" + value);
            }
        }

        // whole bodies
        var valid = orderJson(customer());
        for (var body : List.of("", " ", "{", "}", "[", "null", "true", "0", "\"order\"", "[]", "[{}]", "{}",
                valid.substring(0, valid.length() / 2), "\uFEFF" + valid.replace("BOOK-1",
                        "BOOK 1"), "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(2_000) + "1"
                        + "}".repeat(2_000), valid.replace("\"customerId\"", "\"customerId\": null, \"x\""),
                valid.replace("{\"customerId\"", "{\"__proto__\": {\"admin\": true}, \"customerId\": 1, \"c\""))) {
            expectRefusal(api().postJson(ORDERS, body), "body " + abbreviate(body));
        }
        for (var trailing : List.of(" garbage", " " + valid, ",{}", "]", "}", " null", " 1", "\"x\"")) {
            expectRefusal(api().postJson(ORDERS, valid + trailing), "trailing content " + abbreviate(trailing));
        }
        for (var charset : List.of("ISO-8859-1", "UTF-16", "windows-1252", "no-such-charset")) {
            expectRefusal(api().postJson(ORDERS, valid, "Content-Type", "application/json; charset=" + charset),
                    "charset " + charset);
        }
        for (var bytes : brokenUtf8(valid)) {
            expectRefusal(api().send("POST", ORDERS, bytes, "Content-Type", "application/json"), "broken UTF-8");
        }
        // a body declared JSON by no Content-Type at all, in UTF-16 or UTF-32 (the reader would detect those)
        expectRefusal(api().send("POST", ORDERS, valid.getBytes(StandardCharsets.UTF_8)), "no Content-Type");
        for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                java.nio.charset.Charset.forName("UTF-32LE"))) {
            expectRefusal(api().send("POST", ORDERS, valid.getBytes(charset), "Content-Type", "application/json"),
                    "body in " + charset);
        }
        // content codings: a body that is not in the coding it names, with or without a token, and codings this
        // server does not read
        for (var coding : List.of("gzip", "x-gzip", "deflate", "br", "compress", "no-such-coding")) {
            var headers = new String[]{"Content-Type", "application/json", "Content-Encoding", coding};
            var plain = valid.getBytes(StandardCharsets.UTF_8);
            expectRefusal(api().send("POST", ORDERS, plain, headers), "Content-Encoding " + coding);
            expectRefusal(api().send("POST", ORDERS + "/" + existing + "/ship", plain, headers),
                    "Content-Encoding " + coding + " on a transition");
            expectRefusal(anonymous().send("POST", ORDERS + "/" + existing, plain, headers),
                    "Content-Encoding " + coding + " without a token");
            expectRefusal(anonymous().send("PUT", ORDERS, plain, headers),
                    "Content-Encoding " + coding + " on PUT without a token");
        }
        for (var contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "text/html", "image/png", "garbage", "json", "application")) {
            expectRefusal(api().postJson(ORDERS, valid, "Content-Type", contentType), contentType);
        }

        // ids in paths: traversal, injection, wrong shapes
        for (var id : List.of("..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "..;", "%00",
                "'%20OR%20'1'%3D'1", "1%3B%20DROP%20TABLE%20orders", "not-a-uuid", "123",
                UUID.randomUUID().toString().toUpperCase().replace("-", ""), "x".repeat(2_000), "%E2%98%83",
                "%C3%28", "%FF%FE", "null", "-1", "0", "%2B" + UUID.randomUUID().toString().substring(1))) {
            for (var suffix : List.of("", "/events", "/confirm", "/ship", "/deliver", "/cancel")) {
                var path = ORDERS + "/" + id + suffix;
                var response = suffix.isEmpty() || suffix.equals("/events") ? api().get(path)
                        : api().postJson(path, "{\"carrier\": \"DHL\", \"trackingNumber\": \"T1\", \"reason\": \"r\"}");
                expectRefusal(response, path);
            }
        }

        for (var target : List.of("/api/v1/orders/%uD800", "/api/v1/orders/%", "/api/v1/orders/%zz",
                "/api/v1/orders?limit=%", "/api/v1/orders/{id}", "/api/v1/orders/a b", "/api/v1/orders/\u00ff\u00fe",
                "/api/v1/orders/..%c0%af..%c0%af", "/api/v1/orders?cursor=%ff%fe%fd")) {
            var bytes = target.getBytes(StandardCharsets.ISO_8859_1);
            expectRefusal(api().rawGet(bytes), "raw " + target);
        }

        // query parameters
        for (var query : List.of("limit=0", "limit=201", "limit=-5", "limit=1e2", "limit=0x10", "limit=%00",
                "limit=" + "9".repeat(40), "status=shipped%00", "status=%27%20OR%201%3D1", "status=" + HUGE,
                "customerId=%27%3B%20DROP%20TABLE%20orders%3B--", "customerId=" + HUGE, "placedFrom=tomorrow",
                "placedFrom=2025-13-01T00:00:00Z", "placedBefore=" + HUGE, "placedFrom=%00", "cursor=%00",
                "placedFrom=-5000-01-01T00:00:00Z", "placedBefore=-999999999-01-01T00:00:00Z",
                "placedFrom=%2B10000-01-01T00:00:00Z", "placedBefore=-0001-12-31T23:59:59Z",
                "cursor=" + HUGE, "cursor=AAAA", "cursor=..%2F..%2F", "cursor=%E2%98%83", "limit=%C3%28")) {
            expectRefusal(api().get(ORDERS + "?" + query), query);
        }

        // headers
        var postHeaders = List.of(
                List.of("Idempotency-Key", "k".repeat(256)), List.of("Idempotency-Key", "has space"));
        for (var header : postHeaders) {
            expectRefusal(api().postJson(ORDERS, orderJson(customer()), header.get(0), header.get(1)),
                    header.get(0) + ": " + abbreviate(header.get(1)));
        }
        for (var ifMatch : List.of("1", "\"\"", "\"abc\"", "\"1\", \"2\"", "W/", "\"-1\"", "\"0\"",
                "\"99999999999999999999\"", "*, \"1\"", "x".repeat(4_000))) {
            expectRefusal(api().postJson(ORDERS + "/" + existing + "/cancel", "{\"reason\": \"r\"}", "If-Match", ifMatch),
                    "If-Match " + abbreviate(ifMatch));
        }
        var huge = api().get(ORDERS + "?limit=1", "X-Padding", "p".repeat(64 * 1024));
        expectRefusal(huge, "64 KiB header");
        var many = new ArrayList<String>();
        for (int i = 0; i < 500; i++) {
            many.add("X-Many-" + i);
            many.add("v".repeat(40));
        }
        var crowded = api().postJson(ORDERS, orderJson(customer()), many.toArray(String[]::new));
        expectRefusal(crowded, "500 headers");

        // methods
        for (var method : List.of("PUT", "PATCH", "DELETE")) {
            expectRefusal(api().send(method, ORDERS, valid.getBytes(StandardCharsets.UTF_8), "Content-Type",
                    "application/json"), method + " " + ORDERS);
            expectRefusal(api().send(method, ORDERS + "/" + existing, null), method + " order");
        }
        expectRefusal(api().get(ORDERS + "/" + existing + "/confirm"), "GET confirm");

        assertEquals(List.of(), failures);
        assertTrue(sent >= 300, "sent " + sent);
        assertEquals(before, storedOrders(), "nothing may be stored by refused requests");
        assertEquals("PENDING", api().get(ORDERS + "/" + existing).json().get("status").getStringValue());
    }

    private void expectRefusal(ApiClient.Response response, String what) {
        sent++;
        try {
            assertTrue(response.status() >= 400 && response.status() < 500, "not a 4xx");
            assertProblemBody(response, null);
        } catch (AssertionError e) {
            failures.add(abbreviate(what) + " -> " + response.status() + " " + abbreviate(response.text()));
        }
    }

    /** A valid order with one field's JSON value replaced. */
    private static String withField(String field, String json) {
        var body = orderJson(customer());
        Function<String, String> replaceFirst = pattern -> body.replaceFirst(pattern,
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + json));
        return switch (field) {
            case "lines" -> body.replaceFirst("(?s)\"lines\": \\[.*?\\]\\s*,\\s*\"shippingAddress\"",
                    java.util.regex.Matcher.quoteReplacement("\"lines\": " + json + ", \"shippingAddress\""));
            case "shippingAddress" -> body.replaceFirst("(?s)\"shippingAddress\": \\{.*?\\}",
                    java.util.regex.Matcher.quoteReplacement("\"shippingAddress\": " + json));
            case "unitPrice" -> body.replaceFirst("\"unitPrice\": \\{[^}]*\\}",
                    java.util.regex.Matcher.quoteReplacement("\"unitPrice\": " + json));
            case "line2" -> body.replace("\"line1\": \"1 Main St\"", "\"line1\": \"1 Main St\", \"line2\": " + json);
            default -> replaceFirst.apply("\"" + field + "\": (\"[^\"]*\"|\\d+)");
        };
    }

    private static String manyLines(int count) {
        var lines = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            lines.add("{\"sku\": \"S-" + i + "\", \"quantity\": 1, \"unitPrice\": {\"amount\": \"1.00\", "
                    + "\"currency\": \"EUR\"}}");
        }
        return "[" + String.join(",", lines) + "]";
    }

    private static List<byte[]> brokenUtf8(String valid) {
        var bodies = new ArrayList<byte[]>();
        var text = valid.getBytes(StandardCharsets.UTF_8);
        int at = valid.indexOf("Lovelace") + 3;
        for (var bad : List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xED,
                (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28},
                new byte[]{(byte) 0x80})) {
            var bytes = new byte[text.length + bad.length];
            System.arraycopy(text, 0, bytes, 0, at);
            System.arraycopy(bad, 0, bytes, at, bad.length);
            System.arraycopy(text, at, bytes, at + bad.length, text.length - at);
            bodies.add(bytes);
        }
        var customer = valid.indexOf("c-") + 1;
        var inId = text.clone();
        inId[customer] = (byte) 0xFE;
        bodies.add(inId);
        return bodies;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…(" + text.length() + ")";
    }
}
