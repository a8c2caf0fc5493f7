package dev.orderflow.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks on separate threads that start together, and collects their results. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs every task on its own thread, released at the same moment; fails if any takes over a minute. */
    public static <T> List<T> run(List<Callable<T>> tasks) throws InterruptedException {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            var futures = new ArrayList<Future<T>>();
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                try {
                    results.add(future.get(1, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    throw new AssertionError("a concurrent task failed", e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a concurrent task did not finish within a minute", e);
                }
            }
            return results;
        }
    }

    /** Runs the same task on {@code threads} threads at once. */
    public static <T> List<T> times(int threads, Callable<T> task) throws InterruptedException {
        return run(java.util.Collections.nCopies(threads, task));
    }

    /** Waits for the latch, a minute at most; fails the test if it did not open by then. */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new AssertionError("waited a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
