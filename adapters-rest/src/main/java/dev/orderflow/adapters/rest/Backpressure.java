package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Backpressure: at most {@code orderflow.api.max-concurrent-requests} (env
 * {@code ORDERFLOW_API_MAX_CONCURRENT_REQUESTS}; default the connection pool's size) API requests are in
 * progress at once. One more waits up to {@code orderflow.api.overload-wait} (default 500 ms) for a place
 * ({@link RequestPlaces}), and is then refused with the {@code unavailable} problem and {@code Retry-After}
 * ({@link OverloadedHandler}).
 * <p>
 * Admission is the first thing an API request meets after its request id, the access log and the metrics
 * filter: before tracing, the token check and the body, so that a refused request costs almost nothing and
 * requests past the bound do not take CPU from the admitted ones. A place is held until the response is
 * ready, so the bound covers every request's blocking work and its share of the connection pool. Waiting
 * holds no thread; the probes, {@code /prometheus} and operations outside {@code /api} are never refused.
 */
@ServerFilter("/api/**")
final class Backpressure implements Ordered {

    private static final String PLACE = "orderflow.backpressure.place";

    private final ScheduledThreadPoolExecutor timer;
    private final RequestPlaces places;

    Backpressure(@Value("${orderflow.api.max-concurrent-requests:0}") int maxConcurrent,
                 @Value("${orderflow.db.pool-size:10}") int poolSize,
                 @Value("${orderflow.api.overload-wait:500ms}") Duration wait,
                 @Named(TaskExecutors.BLOCKING) ExecutorService handOff) {
        if (maxConcurrent < 0 || wait.isNegative()) {
            throw new IllegalArgumentException("orderflow.api.max-concurrent-requests must not be negative (0: "
                    + "the pool size) and orderflow.api.overload-wait not negative");
        }
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            var thread = new Thread(task, "orderflow-overload-wait");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a wait that ended with a place leaves nothing behind
        this.places = new RequestPlaces(maxConcurrent > 0 ? maxConcurrent : poolSize, wait, timer, handOff);
    }

    /**
     * Lets the request on once it has a place; refuses it ({@link OverloadedHandler}) if none is free within the
     * wait. Never completes with null: Micronaut does not go on after an asynchronous filter result of null.
     */
    @RequestFilter
    CompletionStage<HttpRequest<?>> admit(HttpRequest<?> request) {
        return places.enter().thenCompose(place -> {
            if (place.isEmpty()) {
                return CompletableFuture.failedFuture(new Overloaded());
            }
            request.setAttribute(PLACE, place.get());
            return CompletableFuture.completedFuture(request);
        });
    }

    /** Frees the place, whatever the outcome. */
    @ResponseFilter
    void release(HttpRequest<?> request, @Nullable Throwable failure) {
        request.getAttribute(PLACE, RequestPlaces.Place.class).ifPresent(RequestPlaces.Place::leave);
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }

    /** No place became free within the wait: the request did nothing. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("every place for API requests is taken", null, false, false);
        }
    }

    @Override
    public int getOrder() {
        // after the metrics filter, so that refusals show in http_server_requests; before everything costly
        return ServerFilterPhase.METRICS.after();
    }
}
