package dev.orderflow.adapters.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether the server refused the readiness check's last attempt to connect to it ({@link DatabaseReadiness}, every
 * 200 ms). While it does, the storage refuses work at once ({@link Sql}) with the {@code unavailable} answer,
 * instead of letting every request wait the pool's connection timeout for a connection that cannot come; the
 * first connection the check opens again ends that.
 * <p>
 * Only a refusal counts ({@link #isRefusal}: nothing listens on the port, or the server is starting or shutting
 * down). An attempt that times out may be a starved machine rather than a missing server, and a check that fails
 * on its open connection (one the server closed) is followed by a new attempt 200 ms later; in both cases
 * requests go on asking the pool, which answers within its connection timeout either way.
 */
final class Reachability {

    /** PostgreSQL's SQLSTATE for "the database system is starting up" or "… shutting down". */
    private static final String CANNOT_CONNECT_NOW = "57P03";

    private volatile String unreachable;

    /** The server refused the check's attempt to connect, for {@code reason}. */
    void connectFailed(String reason) {
        unreachable = reason;
    }

    /** The check connected. */
    void connected() {
        unreachable = null;
    }

    /** Whether a failure to connect is the server's (or its host's) refusal. */
    static boolean isRefusal(SQLException failure) {
        if (CANNOT_CONNECT_NOW.equals(failure.getSQLState())) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Why the last attempt to connect was refused, while no attempt has succeeded since. */
    Optional<String> unreachable() {
        return Optional.ofNullable(unreachable);
    }
}
