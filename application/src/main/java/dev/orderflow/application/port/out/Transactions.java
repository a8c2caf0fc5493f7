package dev.orderflow.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically against the storage ports. */
public interface Transactions {

    /**
     * Runs {@code work} in one transaction: everything it wrote through the storage ports is kept if it
     * returns, and nothing if it throws (the exception is rethrown). Nested calls join the outer
     * transaction.
     */
    <T> T inTransaction(Supplier<T> work);
}
