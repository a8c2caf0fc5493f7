package dev.orderflow.adapters.rest;

import static dev.orderflow.adapters.rest.api.ApiSuite.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderflow.adapters.rest.api.ApiClient;
import dev.orderflow.adapters.rest.api.ApiSuite;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.IdempotentResult;
import dev.orderflow.domain.OrderId;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The outcomes and problem types that only races or other components produce, with stubbed in-ports. */
@MicronautTest(environments = StubCommands.ENVIRONMENT)
class StubbedOutcomesIT extends ApiSuite {

    @Inject
    EmbeddedServer server;
    @Inject
    StubCommands stub;

    @Override
    protected URI baseUri() {
        return server.getURI();
    }

    @Override
    protected long storedOrders() {
        throw new UnsupportedOperationException("the stubbed in-ports store nothing");
    }

    @Test
    void a_conflict_after_retries_is_409() {
        var id = new OrderId(UUID.randomUUID());
        stub.next = new CommandResult.Conflict(id);
        assertProblem(api().postJson(ORDERS + "/" + id + "/confirm", null), 409, "conflict");
    }

    @Test
    void the_request_id_and_order_id_are_in_the_mdc_of_the_thread_that_runs_the_use_case() {
        var id = new OrderId(UUID.randomUUID());
        stub.next = new CommandResult.NotFound(id);
        var response = api().postJson(ORDERS + "/" + id + "/confirm", null, "X-Request-Id", "mdc-1");
        assertProblem(response, 404, "not-found");
        assertEquals(Map.of("requestId", "mdc-1", "orderId", id.toString()), stub.mdc);
    }

    @Test
    void the_use_cases_run_on_the_api_s_platform_threads() {
        var id = new OrderId(UUID.randomUUID());
        stub.next = new CommandResult.NotFound(id);
        assertProblem(api().postJson(ORDERS + "/" + id + "/confirm", null), 404, "not-found");
        var thread = stub.thread;
        assertFalse(thread.isVirtual(), thread::toString);
        assertTrue(thread.getName().startsWith(ApiThreads.EXECUTOR + "-executor"), thread::toString);
    }

    @Test
    void a_key_still_in_flight_is_409() {
        stub.nextIdempotent = new IdempotentResult.InFlight();
        var response = api().postJson(ORDERS, orderJson(customer()), "Idempotency-Key", "k-1");
        assertProblem(response, 409, "idempotency-key-in-flight");
        assertEquals("1", response.header("Retry-After").orElseThrow());
        assertTrue(response.json().get("detail").getStringValue().endsWith("; retry in 1 s"), response::toString);
    }

    @Test
    void statuses_from_other_components_are_problems_of_their_kind() {
        assertProblem(api().get("/test/status/401"), 401, "unauthorized");
        assertProblem(api().get("/test/status/403"), 403, "forbidden");
        assertProblem(api().get("/test/status/429"), 429, "rate-limited");
        assertProblem(api().get("/test/status/503"), 503, "unavailable");
        assertProblem(api().get("/test/status/x"), 400, "validation");
    }

    @Test
    void an_unexpected_failure_is_a_500_whose_request_id_is_in_the_log() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(ProblemResponses.class);
        logger.addAppender(appender);
        try {
            ApiClient.Response response = api().get(ORDERS + "/" + UUID.randomUUID(), "X-Request-Id", "boom-1");
            var problem = assertProblem(response, 500, "internal");
            assertEquals("boom-1", problem.get("requestId").getStringValue());
            assertTrue(problem.get("detail").getStringValue().contains("boom-1"));
            assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("boom-1")
                    && e.getThrowableProxy() != null), appender.list::toString);
        } finally {
            logger.detachAppender(appender);
        }
    }
}
