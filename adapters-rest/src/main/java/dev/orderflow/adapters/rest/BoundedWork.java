package dev.orderflow.adapters.rest;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Backpressure: at most {@code orderflow.api.max-concurrent-requests} (env
 * {@code ORDERFLOW_API_MAX_CONCURRENT_REQUESTS}; default the connection pool's size) requests do blocking work
 * at once. One more waits up to {@code orderflow.api.overload-wait} (default 500 ms) for a place, and is then
 * refused with 503 and {@code Retry-After}, instead of queueing without bound on virtual threads for
 * connections that the pool cannot give (which would slow every accepted request down and end in the pool's
 * timeout anyway).
 */
@Singleton
@InterceptorBean(Bounded.class)
final class BoundedWork implements MethodInterceptor<Object, Object> {

    private final Semaphore places;
    private final long waitNanos;

    BoundedWork(@Value("${orderflow.api.max-concurrent-requests:0}") int maxConcurrent,
                @Value("${orderflow.db.pool-size:10}") int poolSize,
                @Value("${orderflow.api.overload-wait:500ms}") Duration wait) {
        int places = maxConcurrent > 0 ? maxConcurrent : poolSize;
        if (places < 1 || wait.isNegative()) {
            throw new IllegalArgumentException("orderflow.api.max-concurrent-requests must be at least 1 and "
                    + "orderflow.api.overload-wait not negative");
        }
        this.places = new Semaphore(places, true);
        this.waitNanos = wait.toNanos();
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            if (!places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new Overloaded();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded();
        }
        try {
            return context.proceed();
        } finally {
            places.release();
        }
    }

    /** No place became free within the wait: the request did nothing. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("every place for blocking work is taken", null, false, false);
        }
    }
}
