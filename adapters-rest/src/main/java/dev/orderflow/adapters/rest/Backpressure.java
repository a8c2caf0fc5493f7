package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Backpressure: at most {@link ApiThreads#places()} API requests are in progress at once. One more waits up to
 * {@code orderflow.api.overload-wait} (default 500 ms) for a place ({@link RequestPlaces}), and is then refused
 * with the {@code unavailable} problem and {@code Retry-After: 1}. At most
 * {@code orderflow.api.max-waiting-requests} (default ten times the places) wait, served oldest first while the
 * queue has room and newest first while it is full; one more waits in place of the oldest, which is refused at
 * once.
 * <p>
 * Admission is the first thing an API request meets after its request id, the access log and the metrics
 * filter: before tracing and the token check, so that a refused request costs little and requests past the bound
 * do not take CPU from the admitted ones. A request waits for a place only once its body (64 KiB at most) has
 * arrived, so that a client sending it slowly holds its connection but no place; a body that has not arrived
 * within {@code orderflow.api.body-deadline} (default 10 s) gets 408 and the connection is closed. A place is
 * held until the response is ready (or the
 * request fails or is abandoned), so the bound covers every request's blocking work and its share of the
 * connection pool. Waiting holds no thread; the probes, {@code /prometheus} and operations outside
 * {@code /api} are never refused.
 */
@ServerFilter("/api/**")
@Context // made at start: a setting it cannot read stops the start instead of failing every API request
final class Backpressure implements Ordered {

    static final int RETRY_AFTER_SECONDS = 1;
    /** Waiting requests per place, unless {@code orderflow.api.max-waiting-requests} says otherwise. */
    private static final int WAITING_PER_PLACE = 10;

    private final ScheduledThreadPoolExecutor timer;
    private final Scheduler timeouts;
    private final RequestPlaces places;
    private final Duration bodyDeadline;

    Backpressure(ApiThreads api,
                 @Value("${orderflow.api.max-waiting-requests:0}") int maxWaiting,
                 @Value("${orderflow.api.overload-wait:500ms}") Duration wait,
                 @Value("${orderflow.api.body-deadline:10s}") Duration bodyDeadline,
                 @Named(TaskExecutors.BLOCKING) ExecutorService handOff) {
        if (maxWaiting < 0 || wait.isNegative()) {
            throw new IllegalArgumentException("orderflow.api.max-waiting-requests (0: ten times the places) and "
                    + "orderflow.api.overload-wait must not be negative");
        }
        if (bodyDeadline.isNegative() || bodyDeadline.isZero()) {
            throw new IllegalArgumentException("orderflow.api.body-deadline must be positive: " + bodyDeadline);
        }
        this.bodyDeadline = bodyDeadline;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            var thread = new Thread(task, "orderflow-overload-wait");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a wait that ended with a place leaves nothing behind
        this.timeouts = Schedulers.fromExecutorService(timer);
        int places = api.places();
        this.places = new RequestPlaces(places, maxWaiting > 0 ? maxWaiting : WAITING_PER_PLACE * places, wait,
                timer, handOff);
    }

    /**
     * Lets the request on once it has a place, and frees the place when the rest of the chain is done with it;
     * refuses the request if no place is free within the wait. The refusal is a response, not an exception:
     * Micronaut looks exception handlers up anew for every exception, which under overload cost more CPU than
     * the refusals themselves.
     */
    @RequestFilter
    Publisher<HttpResponse<?>> admit(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> next) {
        // a request that waited goes on where its place or refusal arrives: on the thread of the request that freed
        // the place, which is in that request's context, or on the hand-off executor, in none; so in its own. The
        // body arrives on the event loop, so the context is taken here.
        var context = PropagatedContext.getOrEmpty();
        return received(request).flatMap(inTime -> inTime
                ? Mono.fromCompletionStage(places.enter(context::wrap))
                        // a place that arrives for a request already abandoned goes back
                        .doOnDiscard(Optional.class, place -> place.ifPresent(p -> ((RequestPlaces.Place) p).leave()))
                        .flatMap(place -> place.isPresent()
                                ? Mono.from(next.proceed()).doFinally(signal -> place.get().leave())
                                : Mono.just(refusal(request)))
                : Mono.just(tooSlow(request)));
    }

    /**
     * Whether the request's body has arrived whole within the body deadline (at once for a request without one).
     * A place is taken only then: a client sending its body slowly, or not at all, holds its connection, never a
     * place. A copy of the body is buffered, which leaves the body itself to whoever reads it next.
     */
    private Mono<Boolean> received(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server) || server.byteBody().expectedLength().orElse(-1) == 0) {
            return Mono.just(true);
        }
        CompletableFuture<? extends CloseableAvailableByteBody> whole;
        try (var copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST)) {
            whole = copy.buffer();
        }
        whole.thenAccept(CloseableAvailableByteBody::close);
        return Mono.fromCompletionStage(whole.thenApply(body -> true))
                .timeout(bodyDeadline, Mono.just(false), timeouts);
    }

    private static HttpResponse<?> refusal(HttpRequest<?> request) {
        return Problems.unavailable(request, "the service is at capacity", RETRY_AFTER_SECONDS);
    }

    /** 408, and the connection closed: what is left of the body would be read as the next request. */
    private static HttpResponse<?> tooSlow(HttpRequest<?> request) {
        return Problems.of(request, ProblemKind.REQUEST_TIMEOUT, "the request's body did not arrive within "
                + "the body deadline; send it at once").header(HttpHeaders.CONNECTION, "close");
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }

    @Override
    public int getOrder() {
        // after the metrics filter, so that refusals show in http_server_requests; before everything costly
        return ServerFilterPhase.METRICS.after();
    }
}
