package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.adapters.rest.api.ApiClient;
import dev.orderflow.adapters.rest.api.ApiSuite;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Rate limits with a small bucket (burst 3, 1 per second): a customer past the burst and a client sending bad
 * tokens get 429 {@code rate-limited} with {@code Retry-After} and the RateLimit headers; staff are not limited.
 */
@MicronautTest
@Property(name = "orderflow.rate-limit.customer-per-second", value = "1")
@Property(name = "orderflow.rate-limit.customer-burst", value = "3")
class RateLimitIT extends ApiSuite {

    @Inject
    EmbeddedServer server;

    @Override
    protected URI baseUri() {
        return server.getURI();
    }

    @Override
    protected long storedOrders() {
        return 0;
    }

    /** Sends until refused (at most 50 requests in all, {@code sent} of them before); returns the refusal, asserting the burst went through first. */
    private static ApiClient.Response untilLimited(Supplier<ApiClient.Response> send, int expected, int sent) {
        for (int i = sent; i < 50; i++) {
            var response = send.get();
            if (response.status() == 429) {
                assertTrue(i >= 3, "the burst of 3 is allowed");
                return response;
            }
            assertEquals(expected, response.status(), response::toString);
        }
        throw new AssertionError("never limited");
    }

    @Test
    void a_customer_past_the_burst_gets_429_with_retry_after() {
        var client = as(customer(), "customer");
        var first = client.get(ORDERS);
        assertEquals("\"customer\";q=3;w=3", first.header("RateLimit-Policy").orElse(null), first::toString);
        assertTrue(first.header("RateLimit").orElse("").startsWith("\"customer\";r=2;"), first::toString);
        var limited = untilLimited(() -> client.get(ORDERS), 200, 1);
        assertProblem(limited, 429, "rate-limited");
        var retryAfter = limited.header("Retry-After").orElseThrow();
        assertTrue(Long.parseLong(retryAfter) >= 1, limited::toString);
        assertEquals("too many requests from this client; retry in " + retryAfter + " s",
                limited.json().get("detail").getStringValue());
        assertEquals("\"customer\";q=3;w=3", limited.header("RateLimit-Policy").orElse(null));
        assertTrue(limited.header("RateLimit").orElse("").startsWith("\"customer\";r=0;t="), limited::toString);
        assertEquals(200, as(customer(), "customer").get(ORDERS).status(), "another customer has its own bucket");
    }

    @Test
    void staff_are_not_limited() {
        var client = as("ann", "staff");
        for (int i = 0; i < 20; i++) {
            assertEquals(200, client.get(ORDERS).status());
        }
    }

    @Test
    void requests_without_a_valid_token_are_limited_per_address() {
        var limited = untilLimited(() -> anonymous().get(ORDERS, "Authorization", "Bearer forged"), 401, 0);
        assertProblem(limited, 429, "rate-limited");
        assertTrue(limited.header("Retry-After").isPresent(), limited::toString);
    }
}
