package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

    @Test
    void a_refused_connection_or_a_server_starting_or_stopping_is_a_refusal() {
        assertTrue(Reachability.isRefusal(new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
                new ConnectException("Connection refused"))));
        assertTrue(Reachability.isRefusal(new SQLException("FATAL: the database system is shutting down", "57P03")));
    }

    @Test
    void a_connection_attempt_that_timed_out_is_not_a_refusal() {
        assertFalse(Reachability.isRefusal(new SQLException("The connection attempt failed.", "08001",
                new SocketTimeoutException("Connect timed out"))));
        assertFalse(Reachability.isRefusal(new SQLException("FATAL: sorry, too many clients already", "53300")));
    }
}
