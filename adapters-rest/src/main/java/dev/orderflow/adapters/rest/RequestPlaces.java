package dev.orderflow.adapters.rest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fixed number of places for requests in progress. A request that finds them all taken waits for one at most
 * the overload wait, without holding a thread, and is then refused. The newest waiting request gets the next
 * free place: under sustained overload the ones that have already waited longest are those that time out, so an
 * admitted request has waited briefly instead of the whole wait (a queue served oldest-first would make every
 * admitted request wait about as long as the wait itself, once the queue is full).
 */
final class RequestPlaces {

    private final int places;
    private final long waitNanos;
    private final ScheduledExecutorService timer;
    private final Executor handOff;
    private final Object lock = new Object();
    /** Newest first. */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int taken;

    /**
     * @param timer   times the waits out
     * @param handOff completes a wait, so that the request goes on there rather than on the thread that freed
     *                a place or on the timer
     */
    RequestPlaces(int places, Duration wait, ScheduledExecutorService timer, Executor handOff) {
        if (places < 1 || wait.isNegative()) {
            throw new IllegalArgumentException("at least one place and a wait that is not negative: " + places
                    + ", " + wait);
        }
        this.places = places;
        this.waitNanos = wait.toNanos();
        this.timer = timer;
        this.handOff = handOff;
    }

    /** A place once one is free within the wait; empty if none was. */
    CompletionStage<Optional<Place>> enter() {
        synchronized (lock) {
            if (taken < places) {
                taken++;
                return CompletableFuture.completedFuture(Optional.of(new Place()));
            }
            if (waitNanos == 0) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            var request = new Waiting();
            waiting.addFirst(request);
            request.timeout = timer.schedule(() -> timeOut(request), waitNanos, TimeUnit.NANOSECONDS);
            return request.place;
        }
    }

    /** How many requests hold a place now. */
    int taken() {
        synchronized (lock) {
            return taken;
        }
    }

    /** How many requests wait for a place now. */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    private void timeOut(Waiting request) {
        synchronized (lock) {
            // oldest last: a request that times out is normally at the end
            if (!waiting.removeLastOccurrence(request)) {
                return; // it got a place just before
            }
        }
        handOff.execute(() -> request.place.complete(Optional.empty()));
    }

    private void leave() {
        Waiting next;
        synchronized (lock) {
            next = waiting.pollFirst();
            if (next == null) {
                taken--;
                return;
            }
            next.timeout.cancel(false);
        }
        // the place goes straight to the next request: taken stays as it is
        handOff.execute(() -> {
            var place = new Place();
            if (!next.place.complete(Optional.of(place))) {
                place.leave(); // the request is gone (its wait was cancelled): on to the next one
            }
        });
    }

    private static final class Waiting {
        final CompletableFuture<Optional<Place>> place = new CompletableFuture<>();
        Future<?> timeout;
    }

    /** One request's place; {@link #leave()} frees it, once, however often it is called. */
    final class Place {
        private final AtomicBoolean left = new AtomicBoolean();

        void leave() {
            if (left.compareAndSet(false, true)) {
                RequestPlaces.this.leave();
            }
        }
    }
}
