package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pool's connections wait for PostgreSQL's answers in blocking reads ({@link BlockingSockets}), also after
 * the timed operations that turn the JDK's default socket non-blocking for good; and an interrupted thread loses
 * its connection, which the pool replaces.
 */
class BlockingSocketsIT {

    /** {@code O_NONBLOCK} in the octal {@code flags} of {@code /proc/self/fdinfo}. */
    private static final int O_NONBLOCK = 04000;

    private static HikariDataSource pool() {
        var database = TestDatabase.empty();
        return Database.pool(database.url(), database.user(), database.password(), 1, Database.Limits.DEFAULT);
    }

    @Test
    void a_connection_stays_blocking_after_a_timed_read() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "reads the socket's flags from /proc (Linux)");
        try (var pool = pool(); var connection = pool.getConnection();
             var timer = Executors.newSingleThreadExecutor()) {
            connection.setNetworkTimeout(timer, 5_000); // what the pool does while it checks a connection
            assertEquals(1, selectOne(connection));
            connection.setNetworkTimeout(timer, 0);
            assertEquals(1, selectOne(connection));

            assertEquals(0, flags(socketOf(connection)) & O_NONBLOCK, "the socket is non-blocking");
        }
    }

    @Test
    void an_interrupted_thread_loses_its_connection_and_the_pool_opens_another() throws Exception {
        try (var pool = pool()) {
            int before;
            try (var connection = pool.getConnection()) {
                before = backend(connection);
                Thread.currentThread().interrupt();
                try {
                    assertThrows(SQLException.class, () -> selectOne(connection));
                } finally {
                    Thread.interrupted();
                }
            }
            try (var connection = pool.getConnection()) {
                assertEquals(1, selectOne(connection));
                assertNotEquals(before, backend(connection), "the same server process: the connection was kept");
            }
        }
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int backend(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The file descriptor of this process's socket whose local port the server sees for this connection. */
    private static Path socketOf(Connection connection) throws SQLException, IOException {
        int port;
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT inet_client_port()")) {
            rows.next();
            port = rows.getInt(1);
        }
        var inodes = socketInodes(port);
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (var descriptor : descriptors.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(descriptor).toString();
                } catch (IOException closedMeanwhile) {
                    continue;
                }
                if (inodes.contains(target)) {
                    return Path.of("/proc/self/fdinfo").resolve(descriptor.getFileName());
                }
            }
        }
        throw new AssertionError("no socket of this process has local port " + port);
    }

    /** The {@code socket:[inode]} names of the TCP sockets with this local port. */
    private static Set<String> socketInodes(int localPort) throws IOException {
        var inodes = new HashSet<String>();
        for (var table : List.of(Path.of("/proc/self/net/tcp"), Path.of("/proc/self/net/tcp6"))) {
            if (!Files.exists(table)) {
                continue;
            }
            var lines = Files.readAllLines(table);
            for (var line : lines.subList(1, lines.size())) { // after the header
                var fields = line.strip().split("\\s+");
                var local = fields[1];
                if (Integer.parseInt(local.substring(local.indexOf(':') + 1), 16) == localPort) {
                    inodes.add("socket:[" + fields[9] + "]");
                }
            }
        }
        return inodes;
    }

    private static int flags(Path fdinfo) throws IOException {
        return Files.readAllLines(fdinfo).stream()
                .filter(line -> line.startsWith("flags:"))
                .map(line -> Integer.parseInt(line.substring("flags:".length()).strip(), 8))
                .findFirst()
                .orElseThrow();
    }
}
