package dev.orderflow.adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterControllerTest {

    @Test
    void without_a_configured_admin_token_replay_is_forbidden_whatever_is_sent() {
        // never reaches the dead letters: no DeadLetters needed
        var controller = new DeadLetterController(null, settings(null));
        for (var authorization : new String[] {null, "Bearer ", "Bearer null", "Bearer anything-at-all-0123456789"}) {
            var response = controller.replay("payments.v1", authorization);
            assertEquals(403, response.code());
            var body = (Map<?, ?>) response.body();
            assertEquals("https://orderflow.dev/problems/forbidden", body.get("type"));
            assertTrue(body.get("detail").toString().contains("ORDERFLOW_MESSAGING_ADMIN_TOKEN"));
        }
    }

    @Test
    void a_short_admin_token_is_refused_at_start() {
        var failure = assertThrows(IllegalArgumentException.class, () -> settings("short-token"));
        assertTrue(failure.getMessage().contains("at least 24 characters"), failure.getMessage());
    }

    private static MessagingSettings settings(String adminToken) {
        return new MessagingSettings("orderflow.orders.v1", "payments.v1", "shipping.v1", "/orderflow", 2, 500,
                Duration.ofSeconds(60), Duration.ofMillis(20), Duration.ofSeconds(5), 5, Duration.ofMillis(200),
                Duration.ofSeconds(5), adminToken);
    }
}
