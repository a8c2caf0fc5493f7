package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SqlTest {

    private final Reachability reachability = new Reachability();
    // neither is touched: a refused call never reaches a connection, and call() runs its work on the caller's
    private final Sql sql = new Sql(null, null, reachability);
    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void while_the_server_cannot_be_connected_to_work_is_refused_at_once_as_unavailable() {
        reachability.connectFailed("PSQLException (SQLSTATE 08001)");

        var refused = assertThrows(StorageUnavailableException.class, () -> sql.call("load order", ran::incrementAndGet));
        var refusedTransaction = assertThrows(StorageUnavailableException.class,
                () -> sql.inTransaction(ran::incrementAndGet));

        assertEquals(0, ran.get());
        assertTrue(refused.getMessage().contains("PSQLException (SQLSTATE 08001)"), refused.getMessage());
        assertEquals(refused.getMessage(), refusedTransaction.getMessage());
    }

    @Test
    void once_the_check_connects_again_work_runs() {
        reachability.connectFailed("PSQLException (SQLSTATE 08001)");
        reachability.connected();

        assertEquals(1, sql.call("load order", ran::incrementAndGet));
    }
}
