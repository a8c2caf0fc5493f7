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
 * <p>
 * At most {@code maxWaiting} requests wait. One more is refused at once, or, once the queue is congested, the
 * oldest waiting request is refused in its place: the one that would be served last goes. Under sustained overload
 * the queue would otherwise hold every request of the last wait (at four times capacity several hundred, with their
 * buffers), and each would hold its connection until it timed out.
 */
final class RequestPlaces {

    /** The part of the wait after which the queue counts as congested. */
    static final double CONGESTED = 0.2;

    private final int places;
    private final int maxWaiting;
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
     * @param maxWaiting how many requests may wait for a place at most
     * @param timer   times the waits out
     * @param handOff completes a wait, so that the request goes on there rather than on the thread that freed
     *                a place or on the timer
     * @param nanoTime elapsed time, as {@link System#nanoTime()}
     */
    RequestPlaces(int places, int maxWaiting, Duration wait, ScheduledExecutorService timer, Executor handOff,
                  LongSupplier nanoTime) {
        if (places < 1 || maxWaiting < 0 || wait.isNegative()) {
            throw new IllegalArgumentException("at least one place, a number of waiting requests and a wait that "
                    + "are not negative: " + places + ", " + maxWaiting + ", " + wait);
        }
        this.places = places;
        this.maxWaiting = maxWaiting;
        this.waitNanos = wait.toNanos();
        this.congestedNanos = (long) (waitNanos * CONGESTED);
        this.timer = timer;
        this.handOff = handOff;
        this.nanoTime = nanoTime;
    }

    /** A place once one is free within the wait; empty if none was. */
    CompletionStage<Optional<Place>> enter() {
        Waiting displaced = null;
        CompletionStage<Optional<Place>> place;
        synchronized (lock) {
            if (taken < places) {
                taken++;
                return CompletableFuture.completedFuture(Optional.of(new Place()));
            }
            if (waitNanos == 0 || maxWaiting == 0) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            long now = nanoTime.getAsLong();
            if (waiting.size() >= maxWaiting) {
                if (!congested(now)) {
                    return CompletableFuture.completedFuture(Optional.empty());
                }
                displaced = waiting.pollLast();
                displaced.timeout.cancel(false);
            }
            var request = new Waiting(now);
            waiting.addFirst(request);
            request.timeout = timer.schedule(() -> timeOut(request), waitNanos, TimeUnit.NANOSECONDS);
            place = request.place;
        }
        if (displaced != null) {
            refuse(displaced);
        }
        return place;
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
        refuse(request);
    }

    private void refuse(Waiting request) {
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
        if (waiting.isEmpty()) {
            return null;
        }
        return congested(nanoTime.getAsLong()) ? waiting.pollFirst() : waiting.pollLast();
    }

    /** Whether the oldest waiting request has waited the congestion limit; there is one. */
    private boolean congested(long now) {
        return now - waiting.getLast().since >= congestedNanos;
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
