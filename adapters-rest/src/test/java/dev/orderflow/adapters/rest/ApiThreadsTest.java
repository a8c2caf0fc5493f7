package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.scheduling.executor.ExecutorType;
import org.junit.jupiter.api.Test;

class ApiThreadsTest {

    @Test
    void without_a_bound_there_are_three_places_per_pooled_connection_and_as_many_platform_threads_run_them() {
        var api = new ApiThreads(0, 12);
        var executor = api.executor();
        assertAll(() -> assertEquals(36, api.places()),
                () -> assertEquals(ExecutorType.FIXED, executor.getType()),
                () -> assertEquals(36, executor.getNumberOfThreads()),
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
