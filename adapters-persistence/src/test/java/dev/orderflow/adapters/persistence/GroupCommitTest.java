package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import dev.orderflow.testkit.contract.Concurrently;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Writes handed in while a batch is written go together in the next one; at most so many batches are written at
 * once; a failed batch fails only the write that failed it, unless the server is unavailable.
 */
class GroupCommitTest {

    /** The batches written, in order; each write's result is its own value doubled. */
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    private List<Integer> doubled(List<Integer> batch) {
        batches.add(batch);
        return batch.stream().map(n -> n * 2).toList();
    }

    @Test
    void a_write_alone_is_written_at_once_by_its_caller() {
        var commits = new GroupCommit<Integer, Integer>(this::doubled, 2, 64);

        assertEquals(42, commits.write(21));
        assertEquals(List.of(List.of(21)), batches);
    }

    @Test
    void writes_that_arrive_while_a_batch_is_written_go_together_in_the_next() throws Exception {
        var firstStarted = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        var commits = new GroupCommit<Integer, Integer>(batch -> {
            if (batch.contains(0)) {
                firstStarted.countDown();
                Concurrently.await(releaseFirst);
            }
            return doubled(batch);
        }, 1, 64);
        try (var pool = Executors.newFixedThreadPool(11)) {
            var first = pool.submit(() -> commits.write(0));
            Concurrently.await(firstStarted);
            var waiting = new ArrayList<Future<Integer>>();
            for (int n = 1; n <= 10; n++) {
                int write = n;
                waiting.add(pool.submit(() -> commits.write(write)));
            }
            awaitQueued(commits, 10);
            releaseFirst.countDown();

            assertEquals(0, first.get(1, TimeUnit.MINUTES));
            for (int n = 1; n <= 10; n++) {
                assertEquals(2 * n, waiting.get(n - 1).get(1, TimeUnit.MINUTES));
            }
        }
        assertEquals(List.of(0), batches.get(0));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), batches.get(1).stream().sorted().toList());
        assertEquals(2, batches.size());
    }

    @Test
    void no_more_batches_than_writers_are_written_at_once_and_none_above_the_largest_size() throws Exception {
        var inFlight = new AtomicInteger();
        var most = new AtomicInteger();
        var commits = new GroupCommit<Integer, Integer>(batch -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.yield();
            inFlight.decrementAndGet();
            return doubled(batch);
        }, 3, 5);
        var results = inParallel(200, commits::write);

        for (int n = 0; n < 200; n++) {
            assertEquals(2 * n, results.get(n));
        }
        assertTrue(most.get() <= 3, "batches written at once: " + most.get());
        assertTrue(batches.stream().allMatch(batch -> batch.size() <= 5), "batches: " + batches);
        assertEquals(200, batches.stream().mapToInt(List::size).sum(), "each write written once");
    }

    @Test
    void a_failed_batch_is_written_again_one_write_at_a_time_and_fails_only_the_bad_write() throws Exception {
        var bad = new IllegalStateException("write 13 is refused");
        var commits = new GroupCommit<Integer, Integer>(batch -> {
            if (batch.contains(13)) {
                batches.add(batch);
                throw bad;
            }
            return doubled(batch);
        }, 1, 64);
        var results = inParallel(40, write -> {
            try {
                return commits.write(write);
            } catch (IllegalStateException e) {
                assertSame(bad, e);
                return -1;
            }
        });

        for (int n = 0; n < 40; n++) {
            assertEquals(n == 13 ? -1 : 2 * n, results.get(n));
        }
        assertEquals(39, batches.stream().filter(batch -> !batch.contains(13)).mapToInt(List::size).sum(),
                "each good write written once");
    }

    @Test
    void an_unavailable_server_fails_every_write_of_the_batch_without_writing_them_again() {
        var unavailable = new StorageUnavailableException("PostgreSQL is unavailable", null);
        var attempts = new AtomicInteger();
        var commits = new GroupCommit<Integer, Integer>(batch -> {
            attempts.incrementAndGet();
            throw unavailable;
        }, 1, 64);

        assertSame(unavailable, assertThrows(StorageUnavailableException.class, () -> commits.write(1)));
        assertEquals(1, attempts.get());
    }

    @Test
    void an_error_while_writing_fails_the_batch_and_the_next_writes_go_on() {
        var commits = new GroupCommit<Integer, Integer>(batch -> {
            if (batch.contains(1)) {
                throw new StackOverflowError("in the writer");
            }
            return doubled(batch);
        }, 1, 64);

        var failure = assertThrows(IllegalStateException.class, () -> commits.write(1));
        assertTrue(failure.getCause() instanceof StackOverflowError);
        assertEquals(4, commits.write(2));
    }

    @Test
    void refuses_no_writers_or_empty_batches() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<Integer, Integer>(this::doubled, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<Integer, Integer>(this::doubled, 1, 0));
    }

    /** Calls {@code write} with 0 … n-1, each on its own thread, all released at once; the results in that order. */
    private static List<Integer> inParallel(int n, Function<Integer, Integer> write) throws InterruptedException {
        return Concurrently.run(IntStream.range(0, n).<Callable<Integer>>mapToObj(i -> () -> write.apply(i)).toList());
    }

    /** Waits until {@code n} writes wait in the queue (the commit's own account). */
    private static void awaitQueued(GroupCommit<?, ?> commits, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (commits.waiting() < n) {
            assertTrue(System.nanoTime() < deadline, "the writes did not queue within a minute");
            Thread.sleep(1);
        }
    }
}
