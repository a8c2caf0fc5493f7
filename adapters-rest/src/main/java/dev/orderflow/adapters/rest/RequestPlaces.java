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
import java.util.function.LongSupplier;

/**
 * A fixed number of places for requests in progress. A request that finds them all taken waits for one at most
 * the overload wait, without holding a thread, and is then refused.
 * <p>
 * Who gets a freed place (adaptive LIFO): the <em>oldest</em> waiting request while the queue drains, so that a
 * burst is served in arrival order and no request waits behind later ones; the <em>newest</em> once the oldest has
 * waited {@link #CONGESTED} of the wait. Under sustained overload the requests that have waited longest are then
 * the ones that time out, and an admitted request has waited briefly instead of about the whole wait, as it would
 * in a full queue served oldest first. Served newest first always, a few requests more than places (16 clients
 * on 10 places) left some waiting the whole wait while later ones went ahead.
 */
final class RequestPlaces {

    /** The part of the wait after which the queue counts as congested. */
    static final double CONGESTED = 0.2;

    private final int places;
    private final long waitNanos;
    private final long congestedNanos;
    private final LongSupplier nanoTime;
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
     * @param nanoTime elapsed time, as {@link System#nanoTime()}
     */
    RequestPlaces(int places, Duration wait, ScheduledExecutorService timer, Executor handOff, LongSupplier nanoTime) {
        if (places < 1 || wait.isNegative()) {
            throw new IllegalArgumentException("at least one place and a wait that is not negative: " + places
                    + ", " + wait);
        }
        this.places = places;
        this.waitNanos = wait.toNanos();
        this.congestedNanos = (long) (waitNanos * CONGESTED);
        this.timer = timer;
        this.handOff = handOff;
        this.nanoTime = nanoTime;
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
            var request = new Waiting(nanoTime.getAsLong());
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
            next = nextWaiting();
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

    /** The oldest waiting request while it has waited less than the congestion limit, else the newest. */
    private Waiting nextWaiting() {
        var oldest = waiting.peekLast();
        if (oldest == null) {
            return null;
        }
        return nanoTime.getAsLong() - oldest.since < congestedNanos ? waiting.pollLast() : waiting.pollFirst();
    }

    private static final class Waiting {
        final CompletableFuture<Optional<Place>> place = new CompletableFuture<>();
        final long since;
        Future<?> timeout;

        Waiting(long since) {
            this.since = since;
        }
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
