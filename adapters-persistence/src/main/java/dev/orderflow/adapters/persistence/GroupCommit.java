package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: writes that callers hand in while others are being written go to PostgreSQL together, in one
 * round trip and one commit. At most {@code writers} batches are in flight at once. A caller that arrives when
 * fewer are writes its own batch (alone when nobody waits, so a quiet service waits for nothing); the others
 * queue, and the next writer takes what queued meanwhile, oldest first, up to {@code maxBatch}. There is no
 * thread of its own: each caller's thread writes a batch or waits for one, and a writer whose write is done hands
 * its turn to the oldest caller still waiting.
 * <p>
 * A batch is all or nothing ({@link Writer}). One that fails is written again one write at a time, so that a bad
 * write fails only its own caller; one that fails because the server is unavailable fails every caller in it.
 *
 * @param <I> a write
 * @param <R> what a write came to
 */
final class GroupCommit<I, R> {

    /** Writes a batch, all or nothing, and answers what each write came to, in the batch's order. */
    @FunctionalInterface
    interface Writer<I, R> {
        List<R> write(List<I> batch);
    }

    private final Writer<I, R> writer;
    private final int writers;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiting<I, R>> queue = new ArrayDeque<>();
    /** Callers that write a batch now: at most {@link #writers}. */
    private int writing;

    GroupCommit(Writer<I, R> writer, int writers, int maxBatch) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("writers and maxBatch must be at least 1");
        }
        this.writer = writer;
        this.writers = writers;
        this.maxBatch = maxBatch;
    }

    /** A caller's write, and, once written, what it came to; guarded by {@link #lock}. */
    private static final class Waiting<I, R> {
        final I write;
        final Condition turn;
        /** The batch this caller is to write next, if it is its turn: its own write first. */
        List<Waiting<I, R>> batch;
        boolean done;
        R result;
        RuntimeException failure;

        Waiting(I write, Condition turn) {
            this.write = write;
            this.turn = turn;
        }
    }

    /**
     * Writes {@code write} with whatever else is waiting, and answers what it came to once its batch is
     * committed; throws what its write failed with.
     */
    R write(I write) {
        var me = new Waiting<I, R>(write, lock.newCondition());
        lock.lock();
        try {
            queue.addLast(me);
            if (writing < writers) {
                writing++;
                me.batch = nextBatch();
            }
            while (true) {
                if (me.batch != null) {
                    writeBatch(me);
                } else if (me.done) {
                    break;
                } else {
                    me.turn.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (me.failure != null) {
            throw me.failure;
        }
        return me.result;
    }

    /**
     * Writes the batch the caller was handed, then hands on the turn: the oldest waiting caller gets it with the
     * batch it is to write; with none waiting, there is one writer fewer. Called and returns with the lock held.
     * The caller's own write is the first of its batch: a caller is handed the batch that begins with its write,
     * or takes one when there are fewer writers than allowed, and then no write waits (a writer stops only when
     * none does, and while all write, a caller waits).
     */
    private void writeBatch(Waiting<I, R> me) {
        var batch = me.batch;
        me.batch = null;
        lock.unlock();
        try {
            writeAll(batch);
        } finally {
            lock.lock();
            for (var waiting : batch) {
                waiting.done = true;
                waiting.turn.signal();
            }
            var next = nextBatch();
            if (next.isEmpty()) {
                writing--;
            } else {
                next.getFirst().batch = next;
                next.getFirst().turn.signal();
            }
        }
    }

    /**
     * Writes {@code write} by itself at once, on the caller's thread and outside the groups: for a caller whose
     * transaction the write is to join.
     */
    R writeAlone(I write) {
        return writer.write(List.of(write)).getFirst();
    }

    /** The writes waiting for a batch now. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest waiting writes, up to {@link #maxBatch}. */
    private List<Waiting<I, R>> nextBatch() {
        var batch = new ArrayList<Waiting<I, R>>(Math.min(queue.size(), maxBatch));
        while (batch.size() < maxBatch && !queue.isEmpty()) {
            batch.add(queue.pollFirst());
        }
        return batch;
    }

    /** Writes the batch; on failure, one write at a time, unless the server is unavailable. */
    private void writeAll(List<Waiting<I, R>> batch) {
        try {
            var results = writer.write(batch.stream().map(w -> w.write).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result = results.get(i);
            }
        } catch (StorageUnavailableException unavailable) {
            batch.forEach(waiting -> waiting.failure = unavailable);
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.getFirst().failure = failure;
                return;
            }
            for (var waiting : batch) {
                writeAll(List.of(waiting));
            }
        } catch (Error error) {
            // each caller fails with it: thrown here, it would leave the others of the batch waiting for ever
            batch.forEach(waiting -> waiting.failure = new IllegalStateException("the batch's write failed", error));
        }
    }
}
