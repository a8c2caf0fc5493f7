package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.scheduling.executor.ExecutorType;
import org.junit.jupiter.api.Test;

class ApiThreadsTest {

    @Test
    void without_a_bound_the_places_are_the_pool_s_connections_and_as_many_platform_threads_run_them() {
        var api = new ApiThreads(0, 12);
        var executor = api.executor();
        assertAll(() -> assertEquals(12, api.places()),
                () -> assertEquals(ExecutorType.FIXED, executor.getType()),
                () -> assertEquals(12, executor.getNumberOfThreads()),
                () -> assertEquals(ApiThreads.EXECUTOR, executor.getName()));
    }

    @Test
    void a_bound_sets_the_places_and_the_threads() {
        var api = new ApiThreads(3, 12);
        assertAll(() -> assertEquals(3, api.places()),
                () -> assertEquals(3, api.executor().getNumberOfThreads()));
    }

    @Test
    void a_negative_bound_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new ApiThreads(-1, 12));
    }
}
