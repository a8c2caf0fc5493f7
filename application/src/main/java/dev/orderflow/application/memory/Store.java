package dev.orderflow.application.memory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The lock and undo log shared by the in-memory adapters of one storage. Every operation holds the lock;
 * a transaction holds it from start to end and records how to undo each write.
 */
final class Store {

    private final ReentrantLock lock = new ReentrantLock();
    private Deque<Runnable> undo;

    <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (undo != null) {
                return work.get();
            }
            undo = new ArrayDeque<>();
            try {
                var result = work.get();
                undo = null;
                return result;
            } catch (RuntimeException | Error e) {
                var steps = undo;
                undo = null;
                steps.forEach(Runnable::run);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one operation under the lock: joins the caller's transaction or forms its own. */
    <T> T locked(Supplier<T> operation) {
        return inTransaction(operation);
    }

    /** Remembers how to undo a write just made, if a transaction is open. */
    void onRollback(Runnable step) {
        if (undo != null) {
            undo.push(step);
        }
    }
}
