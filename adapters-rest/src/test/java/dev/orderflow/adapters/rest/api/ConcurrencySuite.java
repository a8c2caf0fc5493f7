package dev.orderflow.adapters.rest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Requests that race: the API must neither duplicate an order nor lose an update. */
public abstract class ConcurrencySuite extends ApiSuite {

    private static final int ROUNDS = 10;

    @Test
    void two_concurrent_posts_with_one_idempotency_key_create_one_order() {
        for (int round = 0; round < ROUNDS; round++) {
            var customer = customer();
            var key = UUID.randomUUID().toString();
            var before = storedOrders();
            var responses = race(() -> api().postJson(ORDERS, orderJson(customer), "Idempotency-Key", key));
            assertEquals(before + 1, storedOrders(), responses::toString);
            var ids = new ArrayList<String>();
            for (var response : responses) {
                if (response.status() == 201) {
                    ids.add(id(response));
                } else {
                    assertProblem(response, 409, "idempotency-key-in-flight");
                }
            }
            assertTrue(!ids.isEmpty() && ids.stream().distinct().count() == 1, responses::toString);
        }
    }

    @Test
    void two_concurrent_transitions_on_one_order_give_one_200_and_one_refusal() {
        for (int round = 0; round < ROUNDS; round++) {
            var id = id(place(customer()));
            var conditional = race(() -> api().postJson(ORDERS + "/" + id + "/confirm", null, "If-Match", "\"1\""));
            assertOneWinner(conditional, Set.of(412, 409));
            var id2 = id(place(customer()));
            var unconditional = race(() -> api().postJson(ORDERS + "/" + id2 + "/cancel", "{\"reason\": \"race\"}"));
            assertOneWinner(unconditional, Set.of(409));
            var version = api().get(ORDERS + "/" + id2).json().get("version").getLongValue();
            assertEquals(2, version, "exactly one cancellation was recorded");
        }
    }

    private static void assertOneWinner(List<ApiClient.Response> responses, Set<Integer> loserStatuses) {
        var statuses = responses.stream().map(ApiClient.Response::status).sorted().toList();
        assertEquals(200, statuses.getFirst(), responses::toString);
        assertTrue(loserStatuses.contains(statuses.getLast()), responses::toString);
        assertProblemBody(responses.stream().filter(r -> r.status() != 200).findFirst().orElseThrow(), null);
    }

    /** Sends two requests as close to the same moment as two threads allow. */
    private static List<ApiClient.Response> race(Supplier<ApiClient.Response> request) {
        var start = new CountDownLatch(1);
        try (var executor = Executors.newFixedThreadPool(2)) {
            var futures = new ArrayList<CompletableFuture<ApiClient.Response>>();
            for (int i = 0; i < 2; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return request.get();
                }, executor));
            }
            start.countDown();
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }
}
