package dev.orderflow.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically against the storage ports. */
public interface Transactions {

    /**
     * Runs {@code work} in one transaction: everything it wrote through the storage ports is kept if it
     * returns, and nothing if it throws (the exception is rethrown). Nested calls join the outer
     * transaction.
     *
     * @throws StorageUnavailableException if the storage cannot be reached or did not answer in time
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * The storage cannot be reached, refuses connections, or did not answer within its time limits (a
     * statement or lock timeout): broken infrastructure that is expected to heal, not a fault of the request.
     * Any storage port may throw it. The work was rolled back, unless the failure hit the commit itself, so
     * callers retry later, idempotently where it matters.
     */
    final class StorageUnavailableException extends RuntimeException {

        /** The storage is unavailable for the reason given. */
        public StorageUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
