package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestPlacesTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final UnaryOperator<Runnable> AS_IS = UnaryOperator.identity();
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

        var first = place(places.enter(AS_IS));
        var second = place(places.enter(AS_IS));

        assertAll(() -> assertTrue(first.isPresent()), () -> assertTrue(second.isPresent()),
                () -> assertEquals(2, places.taken()), () -> assertEquals(0, places.waiting()));
    }

    @Test
    void while_the_queue_has_room_a_freed_place_goes_to_the_oldest_waiting_request() {
        var places = new RequestPlaces(1, MANY, LONG, timer, Runnable::run);
        var holder = place(places.enter(AS_IS)).orElseThrow();
        var older = places.enter(AS_IS).toCompletableFuture();
        var newer = places.enter(AS_IS).toCompletableFuture();

        holder.leave();

        assertAll(() -> assertTrue(older.isDone() && older.join().isPresent()),
                () -> assertFalse(newer.isDone()), () -> assertEquals(1, places.waiting()));
        older.join().orElseThrow().leave();
        assertTrue(newer.isDone() && newer.join().isPresent());
    }

    @Test
    void while_the_queue_is_full_a_freed_place_goes_to_the_newest_waiting_request() {
        var places = new RequestPlaces(1, 2, LONG, timer, Runnable::run);
        var holder = place(places.enter(AS_IS)).orElseThrow();
        var older = places.enter(AS_IS).toCompletableFuture();
        var newer = places.enter(AS_IS).toCompletableFuture();

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
        var holder = place(places.enter(AS_IS)).orElseThrow();
        var oldest = places.enter(AS_IS).toCompletableFuture();
        var older = places.enter(AS_IS).toCompletableFuture();

        var newest = places.enter(AS_IS).toCompletableFuture();

        assertAll(() -> assertTrue(oldest.isDone() && oldest.join().isEmpty()), () -> assertFalse(older.isDone()),
                () -> assertFalse(newest.isDone()), () -> assertEquals(2, places.waiting()));
        holder.leave();
        assertAll(() -> assertTrue(newest.isDone() && newest.join().isPresent()), () -> assertFalse(older.isDone()));
    }

    @Test
    void a_request_that_finds_no_place_within_the_wait_is_refused_after_it() throws Exception {
        var places = new RequestPlaces(1, MANY, Duration.ofMillis(200), timer, Runnable::run);
        place(places.enter(AS_IS)).orElseThrow();
        long started = System.nanoTime();

        var refused = places.enter(AS_IS).toCompletableFuture().get(10, TimeUnit.SECONDS);

        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertAll(() -> assertEquals(Optional.empty(), refused),
                () -> assertTrue(waitedMillis >= 200, waitedMillis + " ms"),
                () -> assertEquals(1, places.taken()), () -> assertEquals(0, places.waiting()));
    }

    @Test
    void without_a_wait_a_request_is_refused_at_once() {
        var places = new RequestPlaces(1, MANY, Duration.ZERO, timer, Runnable::run);
        place(places.enter(AS_IS)).orElseThrow();

        assertAll(() -> assertEquals(Optional.empty(), place(places.enter(AS_IS))),
                () -> assertEquals(0, places.waiting()));
    }

    @Test
    void leaving_twice_frees_one_place() {
        var places = new RequestPlaces(2, MANY, LONG, timer, Runnable::run);
        var first = place(places.enter(AS_IS)).orElseThrow();
        place(places.enter(AS_IS)).orElseThrow();

        first.leave();
        first.leave();

        assertEquals(1, places.taken());
    }

    @Test
    void a_waiting_request_goes_on_on_the_thread_that_freed_the_place() {
        var handedOff = new ArrayList<Runnable>();
        var places = new RequestPlaces(1, MANY, LONG, timer, handedOff::add);
        var holder = place(places.enter(AS_IS)).orElseThrow();
        var waiting = places.enter(AS_IS).toCompletableFuture();
        var wentOnOn = new AtomicReference<Thread>();
        waiting.thenRun(() -> wentOnOn.set(Thread.currentThread()));

        holder.leave();

        assertAll(() -> assertEquals(Thread.currentThread(), wentOnOn.get()),
                () -> assertTrue(handedOff.isEmpty()), () -> assertEquals(1, places.taken()));
    }

    @Test
    void a_waiting_request_goes_on_in_its_own_context_with_a_place_or_refused() {
        var places = new RequestPlaces(1, 1, LONG, timer, Runnable::run);
        var holder = place(places.enter(AS_IS)).orElseThrow();
        var context = new ThreadLocal<String>();
        var seen = new ArrayList<String>();
        UnaryOperator<Runnable> first = task -> () -> inContext(context, "first", task);
        UnaryOperator<Runnable> second = task -> () -> inContext(context, "second", task);
        places.enter(first).thenRun(() -> seen.add("refused in " + context.get()));
        places.enter(second).thenRun(() -> seen.add("placed in " + context.get())); // pushes the first out

        holder.leave();

        assertEquals(List.of("refused in first", "placed in second"), seen);
    }

    private static void inContext(ThreadLocal<String> context, String name, Runnable task) {
        context.set(name);
        try {
            task.run();
        } finally {
            context.remove();
        }
    }

    @Test
    void a_place_freed_while_the_thread_gives_one_is_handed_off_instead_of_nesting() {
        var handedOff = new ArrayList<Runnable>();
        var places = new RequestPlaces(1, MANY, LONG, timer, handedOff::add);
        var holder = place(places.enter(AS_IS)).orElseThrow();
        var endsAtOnce = places.enter(AS_IS).toCompletableFuture();
        var next = places.enter(AS_IS).toCompletableFuture();
        endsAtOnce.thenAccept(place -> place.orElseThrow().leave()); // a request refused by a later filter

        holder.leave();

        assertAll(() -> assertTrue(endsAtOnce.isDone()), () -> assertFalse(next.isDone()),
                () -> assertEquals(1, handedOff.size()));
        handedOff.forEach(Runnable::run);
        assertTrue(next.join().isPresent());
        assertAll(() -> assertEquals(1, places.taken()), () -> assertEquals(0, places.waiting()));
    }

    @Test
    void a_place_freed_for_a_request_that_is_gone_goes_to_the_next_one() {
        var places = new RequestPlaces(1, MANY, LONG, timer, Runnable::run);
        var holder = place(places.enter(AS_IS)).orElseThrow();
        var waiting = List.of(places.enter(AS_IS).toCompletableFuture(), places.enter(AS_IS).toCompletableFuture());
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
        place(places.enter(AS_IS)).orElseThrow();

        assertAll(() -> assertEquals(Optional.empty(), place(places.enter(AS_IS))),
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
