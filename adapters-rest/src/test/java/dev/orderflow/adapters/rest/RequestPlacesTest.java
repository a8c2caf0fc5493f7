package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestPlacesTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    /** More waiting requests than a test makes. */
    private static final int MANY = 100;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void requests_get_places_at_once_while_there_are_free_ones() {
        var places = new RequestPlaces(2, MANY, LONG, timer, Runnable::run);

        var first = place(places.enter());
        var second = place(places.enter());

        assertAll(() -> assertTrue(first.isPresent()), () -> assertTrue(second.isPresent()),
                () -> assertEquals(2, places.taken()), () -> assertEquals(0, places.waiting()));
    }

    @Test
    void while_the_queue_has_room_a_freed_place_goes_to_the_oldest_waiting_request() {
        var places = new RequestPlaces(1, MANY, LONG, timer, Runnable::run);
        var holder = place(places.enter()).orElseThrow();
        var older = places.enter().toCompletableFuture();
        var newer = places.enter().toCompletableFuture();

        holder.leave();

        assertAll(() -> assertTrue(older.isDone() && older.join().isPresent()),
                () -> assertFalse(newer.isDone()), () -> assertEquals(1, places.waiting()));
        older.join().orElseThrow().leave();
        assertTrue(newer.isDone() && newer.join().isPresent());
    }

    @Test
    void while_the_queue_is_full_a_freed_place_goes_to_the_newest_waiting_request() {
        var places = new RequestPlaces(1, 2, LONG, timer, Runnable::run);
        var holder = place(places.enter()).orElseThrow();
        var older = places.enter().toCompletableFuture();
        var newer = places.enter().toCompletableFuture();

        holder.leave();

        assertAll(() -> assertTrue(newer.isDone() && newer.join().isPresent()),
                () -> assertFalse(older.isDone()), () -> assertEquals(1, places.taken()),
                () -> assertEquals(1, places.waiting()));
        newer.join().orElseThrow().leave();
        assertAll(() -> assertTrue(older.isDone() && older.join().isPresent()),
                () -> assertEquals(1, places.taken()), () -> assertEquals(0, places.waiting()));
        older.join().orElseThrow().leave();
        assertEquals(0, places.taken());
    }

    @Test
    void a_request_that_finds_the_queue_full_waits_and_the_oldest_waiting_request_is_refused_at_once() {
        var places = new RequestPlaces(1, 2, LONG, timer, Runnable::run);
        var holder = place(places.enter()).orElseThrow();
        var oldest = places.enter().toCompletableFuture();
        var older = places.enter().toCompletableFuture();

        var newest = places.enter().toCompletableFuture();

        assertAll(() -> assertTrue(oldest.isDone() && oldest.join().isEmpty()), () -> assertFalse(older.isDone()),
                () -> assertFalse(newest.isDone()), () -> assertEquals(2, places.waiting()));
        holder.leave();
        assertAll(() -> assertTrue(newest.isDone() && newest.join().isPresent()), () -> assertFalse(older.isDone()));
    }

    @Test
    void a_request_that_finds_no_place_within_the_wait_is_refused_after_it() throws Exception {
        var places = new RequestPlaces(1, MANY, Duration.ofMillis(200), timer, Runnable::run);
        place(places.enter()).orElseThrow();
        long started = System.nanoTime();

        var refused = places.enter().toCompletableFuture().get(10, TimeUnit.SECONDS);

        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertAll(() -> assertEquals(Optional.empty(), refused),
                () -> assertTrue(waitedMillis >= 200, waitedMillis + " ms"),
                () -> assertEquals(1, places.taken()), () -> assertEquals(0, places.waiting()));
    }

    @Test
    void without_a_wait_a_request_is_refused_at_once() {
        var places = new RequestPlaces(1, MANY, Duration.ZERO, timer, Runnable::run);
        place(places.enter()).orElseThrow();

        assertAll(() -> assertEquals(Optional.empty(), place(places.enter())),
                () -> assertEquals(0, places.waiting()));
    }

    @Test
    void leaving_twice_frees_one_place() {
        var places = new RequestPlaces(2, MANY, LONG, timer, Runnable::run);
        var first = place(places.enter()).orElseThrow();
        place(places.enter()).orElseThrow();

        first.leave();
        first.leave();

        assertEquals(1, places.taken());
    }

    @Test
    void a_waiting_request_goes_on_on_the_hand_off_executor_not_on_the_thread_that_freed_the_place() {
        var handedOff = new java.util.ArrayList<Runnable>();
        var places = new RequestPlaces(1, MANY, LONG, timer, handedOff::add);
        var holder = place(places.enter()).orElseThrow();
        var waiting = places.enter().toCompletableFuture();

        holder.leave();

        assertFalse(waiting.isDone());
        handedOff.forEach(Runnable::run);
        assertTrue(waiting.join().isPresent());
    }

    @Test
    void a_place_freed_for_a_request_that_is_gone_goes_to_the_next_one() {
        var places = new RequestPlaces(1, MANY, LONG, timer, Runnable::run);
        var holder = place(places.enter()).orElseThrow();
        var waiting = List.of(places.enter().toCompletableFuture(), places.enter().toCompletableFuture());
        var newer = waiting.getLast();
        waiting.getFirst().cancel(false); // the oldest, which gets the place first while the queue has room

        holder.leave();
        assertAll(() -> assertTrue(newer.isDone() && newer.join().isPresent()),
                () -> assertEquals(1, places.taken()), () -> assertEquals(0, places.waiting()));
        newer.join().orElseThrow().leave();
        assertEquals(0, places.taken());
    }

    @Test
    void with_no_waiting_requests_allowed_a_request_is_refused_at_once() {
        var places = new RequestPlaces(1, 0, LONG, timer, Runnable::run);
        place(places.enter()).orElseThrow();

        assertAll(() -> assertEquals(Optional.empty(), place(places.enter())),
                () -> assertEquals(0, places.waiting()));
    }

    @Test
    void there_is_at_least_one_place_and_neither_the_waiting_requests_nor_the_wait_are_negative() {
        assertAll(() -> assertThrows(IllegalArgumentException.class,
                        () -> new RequestPlaces(0, MANY, LONG, timer, Runnable::run)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new RequestPlaces(1, -1, LONG, timer, Runnable::run)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new RequestPlaces(1, MANY, Duration.ofMillis(-1), timer, Runnable::run)));
    }

    private static Optional<RequestPlaces.Place> place(CompletionStage<Optional<RequestPlaces.Place>> entry) {
        CompletableFuture<Optional<RequestPlaces.Place>> future = entry.toCompletableFuture();
        assertTrue(future.isDone(), "decided at once");
        return future.join();
    }
}
