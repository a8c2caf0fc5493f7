package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.executor.ExecutorConfiguration;
import io.micronaut.scheduling.executor.ExecutorType;
import io.micronaut.scheduling.executor.UserExecutorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * How many API requests are in progress at once, and the threads their controllers run on.
 * <p>
 * The places: {@code orderflow.api.max-concurrent-requests} (env {@code ORDERFLOW_API_MAX_CONCURRENT_REQUESTS}),
 * by default the connection pool's size; {@link Backpressure} admits no more. The controllers run on as many
 * platform threads ({@value #EXECUTOR}), which an admitted request always finds free. Not on virtual threads,
 * Micronaut's blocking executor: there every request began on a new thread, whose stack chunks and whose
 * per-thread buffers (Jackson's, the JSON log encoder's) were made anew each time and outlived young collections;
 * under load they filled the old generation, with a full collection of 50-70 ms every second. The blocking
 * executor stays what it was for everything else (health indicators, the operations outside {@code /api}).
 */
@Factory
final class ApiThreads {

    /** The name of the executor the API controllers run on. */
    static final String EXECUTOR = "orderflow-api";

    private final int places;

    ApiThreads(@Value("${orderflow.api.max-concurrent-requests:0}") int maxConcurrent,
               @Value("${orderflow.db.pool-size:10}") int poolSize) {
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException(
                    "orderflow.api.max-concurrent-requests must not be negative (0: the pool size)");
        }
        this.places = maxConcurrent > 0 ? maxConcurrent : poolSize;
    }

    /** API requests in progress at once. */
    int places() {
        return places;
    }

    @Singleton
    @Named(EXECUTOR)
    ExecutorConfiguration executor() {
        var configuration = UserExecutorConfiguration.of(EXECUTOR, ExecutorType.FIXED);
        configuration.setNumberOfThreads(places);
        return configuration;
    }
}
