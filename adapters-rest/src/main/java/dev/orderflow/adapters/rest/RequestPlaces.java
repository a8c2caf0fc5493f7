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
import java.util.function.UnaryOperator;

/**
 * A fixed number of places for requests in progress. A request that finds them all taken waits for one at most
 * the overload wait, without holding a thread, and is then refused. At most {@code maxWaiting} requests wait.
 * <p>
 * Who gets a freed place: the <em>oldest</em> waiting request while the queue has room, so that a burst or more
 * clients than places (64 connections on 10 places) are served in arrival order and none waits behind later ones;
 * the <em>newest</em> while the queue is full, which only sustained overload keeps it. A request that finds the
 * queue full waits in place of the oldest one, which is refused at once: under overload the requests that have
 * waited longest go, and an admitted request has waited briefly instead of the whole queue's time. Without the
 * bound, sustained overload held every request of the last wait with its buffers and connection; the orders tried
 * before, and what they cost, are in docs/reliability.md ("Overload").
 */
final class RequestPlaces {

    /** Whether this thread is giving a freed place to a waiting request, which goes on on it. */
    private static final ThreadLocal<Boolean> GIVING = ThreadLocal.withInitial(() -> false);

    private final int places;
    private final int maxWaiting;
    private final long waitNanos;
    private final ScheduledExecutorService timer;
    private final Executor handOff;
    private final Object lock = new Object();
    /** Newest first. */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int taken;

    /**
     * @param maxWaiting how many requests may wait for a place at most
     * @param timer      times the waits out
     * @param handOff    completes the waits that end without a place, so that the refused request goes on there
     *                   rather than on the timer or on the request that pushed it out, and gives a place freed
     *                   while the thread that freed it is already giving one
     */
    RequestPlaces(int places, int maxWaiting, Duration wait, ScheduledExecutorService timer, Executor handOff) {
        if (places < 1 || maxWaiting < 0 || wait.isNegative()) {
            throw new IllegalArgumentException("at least one place, a number of waiting requests and a wait that "
                    + "are not negative: " + places + ", " + maxWaiting + ", " + wait);
        }
        this.places = places;
        this.maxWaiting = maxWaiting;
        this.waitNanos = wait.toNanos();
        this.timer = timer;
        this.handOff = handOff;
    }

    /**
     * A place once one is free within the wait; empty if none was.
     *
     * @param inContext wraps what completes a wait, so that the request goes on in its own context (its request
     *                  id, its trace) on the thread where its place or its refusal arrives
     */
    CompletionStage<Optional<Place>> enter(UnaryOperator<Runnable> inContext) {
        Waiting pushedOut = null;
        CompletionStage<Optional<Place>> place;
        synchronized (lock) {
            if (taken < places) {
                taken++;
                return CompletableFuture.completedFuture(Optional.of(new Place()));
            }
            if (waitNanos == 0 || maxWaiting == 0) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (full()) {
                pushedOut = waiting.pollLast();
                pushedOut.timeout.cancel(false);
            }
            var request = new Waiting(inContext);
            waiting.addFirst(request);
            request.timeout = timer.schedule(() -> timeOut(request), waitNanos, TimeUnit.NANOSECONDS);
            place = request.place;
        }
        if (pushedOut != null) {
            refuse(pushedOut);
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
                return; // it got a place, or was pushed out, just before
            }
        }
        refuse(request);
    }

    private void refuse(Waiting request) {
        handOff.execute(request.inContext.apply(() -> request.place.complete(Optional.empty())));
    }

    private void leave() {
        Waiting next;
        synchronized (lock) {
            if (waiting.isEmpty()) {
                taken--;
                return;
            }
            next = full() ? waiting.pollFirst() : waiting.pollLast();
            next.timeout.cancel(false);
        }
        // the place goes straight to the next request (taken stays as it is), which goes on on this thread: the
        // request that freed it is done with it. A request that ends at once there (refused by a later filter)
        // frees its place while this thread is still giving one; that one is handed off, so that a run of such
        // requests does not nest on one stack.
        if (GIVING.get()) {
            handOff.execute(() -> give(next));
            return;
        }
        GIVING.set(true);
        try {
            give(next);
        } finally {
            GIVING.remove();
        }
    }

    private void give(Waiting next) {
        var place = new Place();
        next.inContext.apply(() -> {
            if (!next.place.complete(Optional.of(place))) {
                place.leave(); // the request is gone (its wait was cancelled): on to the next one
            }
        }).run();
    }

    private boolean full() {
        return waiting.size() >= maxWaiting;
    }

    private static final class Waiting {
        final CompletableFuture<Optional<Place>> place = new CompletableFuture<>();
        final UnaryOperator<Runnable> inContext;
        Future<?> timeout;

        Waiting(UnaryOperator<Runnable> inContext) {
            this.inContext = inContext;
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
