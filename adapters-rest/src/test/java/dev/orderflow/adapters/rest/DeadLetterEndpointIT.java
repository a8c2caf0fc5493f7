package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.adapters.rest.api.ApiClient;
import dev.orderflow.adapters.rest.api.ApiSuite;
import dev.orderflow.adapters.rest.api.TestTokens;
import dev.orderflow.application.port.in.DeadLetterReplay;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter replay endpoint over a stub of the use case: admin only, and every outcome but a replay is
 * the API's problem+json with a request id.
 */
@MicronautTest(environments = DeadLetterEndpointIT.ENVIRONMENT)
class DeadLetterEndpointIT extends ApiSuite {

    static final String ENVIRONMENT = "dead-letter-stub";
    private static final String PATH = "/admin/dead-letters/%s/replay";

    @Inject
    EmbeddedServer server;

    @Override
    protected java.net.URI baseUri() {
        return server.getURI();
    }

    @Override
    protected long storedOrders() {
        return 0;
    }

    private ApiClient admin() {
        return as("ops", "admin");
    }

    @Test
    void an_admin_replays_a_topic() {
        var response = admin().postJson(PATH.formatted("payments.v1"), null);
        assertEquals(200, response.status(), response::toString);
        assertEquals(3, response.json().get("replayed").getIntValue());
        assertEquals("payments.v1.dlq", response.json().get("deadLetterTopic").getStringValue());
    }

    @Test
    void an_unknown_topic_is_not_found_and_no_broker_is_unavailable() {
        assertProblem(admin().postJson(PATH.formatted("orders.v1"), null), 404, "not-found");
        var unavailable = admin().postJson(PATH.formatted("off"), null);
        assertProblem(unavailable, 503, "unavailable");
        assertEquals("60", unavailable.header("Retry-After").orElse(null));
        assertEquals("no broker is configured; retry in 60 s", unavailable.json().get("detail").getStringValue());
    }

    @Test
    void only_admins_replay() {
        assertProblem(anonymous().postJson(PATH.formatted("payments.v1"), null), 401, "unauthorized");
        for (var role : new String[] {"staff", "service", "customer"}) {
            assertProblem(as("someone", role).postJson(PATH.formatted("payments.v1"), null), 403, "forbidden");
        }
        var forged = new ApiClient(baseUri()).withToken(TestTokens.hs256("not-the-secret-not-the-secret-0123")
                .mint("ops", "admin"));
        assertProblem(forged.postJson(PATH.formatted("payments.v1"), null), 401, "unauthorized");
    }

    /** Replays 3 letters of payments.v1; "off" is what a service without a broker answers. */
    @Singleton
    @Requires(env = ENVIRONMENT)
    static final class StubReplay implements DeadLetterReplay {
        @Override
        public Result replay(String topic) {
            return switch (topic) {
                case "payments.v1" -> new Result.Replayed(topic, topic + ".dlq", 3);
                case "off" -> new Result.Unavailable("no broker is configured");
                default -> new Result.UnknownTopic(topic, Set.of("payments.v1", "shipping.v1"));
            };
        }
    }
}
