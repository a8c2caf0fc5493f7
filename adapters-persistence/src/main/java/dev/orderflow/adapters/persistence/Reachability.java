package dev.orderflow.adapters.persistence;

import java.util.Optional;

/**
 * Whether the server refused, or did not answer, the readiness check's last attempt to connect to it
 * ({@link DatabaseReadiness}, every 200 ms). While it did, the storage refuses work at once ({@link Sql}) with the
 * {@code unavailable} answer, instead of letting every request wait the pool's connection timeout for a
 * connection that cannot come; the first connection the check opens again ends that. A check that merely fails
 * on its open connection (a connection the server closed) changes nothing here: the check connects anew 200 ms
 * later, and only that attempt tells whether the server is gone.
 */
final class Reachability {

    private volatile String unreachable;

    /** The check could not connect, for {@code reason}. */
    void connectFailed(String reason) {
        unreachable = reason;
    }

    /** The check connected. */
    void connected() {
        unreachable = null;
    }

    /** Why the last attempt to connect failed, while no attempt has succeeded since. */
    Optional<String> unreachable() {
        return Optional.ofNullable(unreachable);
    }
}
