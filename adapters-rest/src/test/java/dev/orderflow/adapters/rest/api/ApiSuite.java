package dev.orderflow.adapters.rest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The base of the API suites: extend {@link OrdersApiSuite}, {@link ConcurrencySuite} or
 * {@link HostileInputSuite} and say which running application they test: where it listens and how many
 * orders it has stored (counted in its storage, not through the API).
 */
public abstract class ApiSuite {

    /** Base of the problem type URIs. */
    public static final String PROBLEMS = "https://orderflow.dev/problems/";
    /** The orders collection. */
    public static final String ORDERS = "/api/v1/orders";

    /** The subject of the staff token {@link #api()} sends. */
    public static final String STAFF = "api-suite";

    private ApiClient client;

    /** Where the application under test listens, such as {@code http://127.0.0.1:41234}. */
    protected abstract URI baseUri();

    /** How many orders the application has stored, counted in its storage. */
    protected abstract long storedOrders();

    /** Mints the tokens the suites send; override when the application checks another HS256 secret. */
    protected TestTokens tokens() {
        return TestTokens.hs256(TestTokens.SECRET);
    }

    /** A client sending a {@code staff} token (subject {@link #STAFF}), which may do anything with orders. */
    protected ApiClient api() {
        if (client == null) {
            client = new ApiClient(baseUri()).withToken(tokens().mint(STAFF, "staff"));
        }
        return client;
    }

    /** A client sending a token for {@code sub} with these roles. */
    protected ApiClient as(String sub, String... roles) {
        return new ApiClient(baseUri()).withToken(tokens().mint(sub, roles));
    }

    /** A client sending no token. */
    protected ApiClient anonymous() {
        return new ApiClient(baseUri());
    }

    /** A fresh customer id, so that tests can list their own orders on a shared server. */
    public static String customer() {
        return "c-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A valid POST /orders body. */
    public static String orderJson(String customerId) {
        return """
                {"customerId": "%s",
                 "lines": [{"sku": "BOOK-1", "quantity": 2, "unitPrice": {"amount": "12.50", "currency": "EUR"}},
                           {"sku": "PEN-7", "quantity": 1, "unitPrice": {"amount": "3.20", "currency": "EUR"}}],
                 "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115",
                                     "city": "Berlin", "country": "DE"}}
                """.formatted(customerId);
    }

    /** Places an order and returns the response, asserting that it was created. */
    protected ApiClient.Response place(String customerId, String... headers) {
        var response = api().postJson(ORDERS, orderJson(customerId), headers);
        assertEquals(201, response.status(), response::toString);
        return response;
    }

    protected static String id(ApiClient.Response response) {
        return response.json().get("id").getStringValue();
    }

    /**
     * Asserts the response is an RFC 9457 problem of the given kind: status, content type, the standard
     * members, a request id equal to the X-Request-Id header, and nothing that looks like a stack trace.
     */
    protected static JsonNode assertProblem(ApiClient.Response response, int status, String kind) {
        assertEquals(status, response.status(), response::toString);
        return assertProblemBody(response, kind);
    }

    /** As {@link #assertProblem} for any 4xx status. */
    protected static JsonNode assertProblemBody(ApiClient.Response response, String kind) {
        var contentType = response.header("Content-Type").orElse("");
        assertTrue(contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json"), response::toString);
        var problem = ApiClient.parse(response.body());
        assertTrue(problem.isObject(), response::toString);
        var type = problem.get("type");
        assertNotNull(type, response::toString);
        if (kind != null) {
            assertEquals(PROBLEMS + kind, type.getStringValue(), response::toString);
        } else {
            assertTrue(type.getStringValue().startsWith(PROBLEMS), response::toString);
        }
        assertEquals(response.status(), problem.get("status").getIntValue(), response::toString);
        assertFalse(problem.get("title").getStringValue().isBlank(), response::toString);
        assertFalse(problem.get("detail").getStringValue().isBlank(), response::toString);
        var requestId = problem.get("requestId").getStringValue();
        assertEquals(response.header("X-Request-Id").orElse(null), requestId, response::toString);
        assertNoLeak(response.text());
        return problem;
    }

    /** The field errors of a validation problem as "where: detail" strings, "where" being the pointer,
     *  "?parameter" or "header:name". */
    protected static List<String> fieldErrors(JsonNode problem) {
        var errors = new ArrayList<String>();
        for (var error : problem.get("errors").values()) {
            String where;
            if (error.get("pointer") != null) {
                where = error.get("pointer").getStringValue();
            } else if (error.get("parameter") != null) {
                where = "?" + error.get("parameter").getStringValue();
            } else {
                where = "header:" + error.get("header").getStringValue();
            }
            errors.add(where);
        }
        return errors;
    }

    /** Asserts the text has no trace of the implementation: no stack frames, class or package names, SQL. */
    protected static void assertNoLeak(String text) {
        for (var tell : List.of("at dev.", "at io.", "at java.", "Exception", "dev.orderflow.", "io.micronaut",
                "java.lang", "com.fasterxml", "SELECT ", "INSERT ", "UPDATE ", "org.postgresql", "SQLState",
                "jdbc")) {
            assertFalse(text.contains(tell), () -> "leaks '" + tell + "': " + text);
        }
    }
}
