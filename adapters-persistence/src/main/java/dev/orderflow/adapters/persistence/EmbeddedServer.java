package dev.orderflow.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of one data directory, started so that it survives what a crash leaves
 * behind and lets in no one but this service:
 * <ul>
 * <li>a file lock next to the data directory ({@code <dir>.lock}) held while the server runs: a second live
 *     process on the same directory is refused before it touches anything;</li>
 * <li>a postmaster that a killed previous run left behind ({@code postmaster.pid}, checked to be a PostgreSQL
 *     server of this directory) is stopped before the start; a stale pid file naming another process is
 *     removed;</li>
 * <li>fsync and full-page writes on (zonky passes {@code -F}; settings given here come after it);</li>
 * <li>listening on 127.0.0.1 only, SCRAM logins only, with a password generated at the first start and kept
 *     in the data directory (mode 0600).</li>
 * </ul>
 */
final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    static final String SUPERUSER = "postgres";
    /** The service's password, inside the data directory. */
    static final String PASSWORD_FILE = "orderflow-password";
    private static final String PG_HBA = """
            # Written by orderflow at every start: only password (SCRAM) logins, only from this machine.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            """;
    /** How long a leftover postmaster may take to shut down (it writes a checkpoint) before it is killed. */
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);
    /** Crash recovery replays the WAL before the server accepts connections; zonky waits 10 s by default. */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedServer(FileLock lock, EmbeddedPostgres postgres, String password) {
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
    }

    /** Starts the server of the directory, creating it on first use. */
    static EmbeddedServer start(Path directory, boolean synchronousCommit) {
        var dataDirectory = directory.toAbsolutePath().normalize();
        FileLock lock = lock(dataDirectory);
        try {
            Files.createDirectories(dataDirectory);
            stopLeftoverPostmaster(dataDirectory);
            var fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
            var passwordFile = dataDirectory.resolve(PASSWORD_FILE);
            var initPasswordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".initdb-password");
            var known = read(passwordFile).or(() -> read(initPasswordFile));
            var password = known.orElseGet(EmbeddedServer::newPassword);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", synchronousCommit ? "on" : "off")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", password);
            if (fresh) {
                // initdb sets the password and SCRAM from the start: no moment in which the server trusts anyone
                writeSecret(initPasswordFile, password);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initPasswordFile.toString());
            } else if (Files.exists(passwordFile)) {
                Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
            }
            long started = System.nanoTime();
            var postgres = builder.start();
            var server = new EmbeddedServer(lock, postgres, password);
            try {
                if (!Files.exists(passwordFile)) {
                    // a directory of an earlier version trusted local logins: set the password while it still does
                    if (known.isEmpty()) {
                        server.setPassword();
                    }
                    writeSecret(passwordFile, password);
                }
                Files.deleteIfExists(initPasswordFile);
                Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
                server.reloadConfiguration();
            } catch (IOException | RuntimeException e) {
                server.closeQuietlyAfter(e);
                throw e;
            }
            LOG.info("Embedded PostgreSQL started on 127.0.0.1:{} in {} ms, data in {}", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDirectory);
            return server;
        } catch (IOException e) {
            release(lock);
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            release(lock);
        }
    }

    /**
     * Takes {@code <dir>.lock}, or refuses: another live process runs a server on this directory. The operating
     * system drops the lock when its holder dies, so a killed run never blocks the next one.
     */
    private static FileLock lock(Path dataDirectory) {
        var lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        try {
            Files.createDirectories(dataDirectory.getParent());
            var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the data directory " + dataDirectory + " is in use by another "
                        + "running orderflow (it holds " + lockFile + "); stop that one, or give this one another "
                        + "ORDERFLOW_DB_DATA_DIR");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException e) {
            LOG.warn("cannot release the data directory lock", e);
        }
    }

    /**
     * Stops a postmaster of this directory that outlived the process which started it (after {@code kill -9}
     * or an OOM kill the server runs on, parent 1, holding the directory). Called while holding the lock, so
     * no live orderflow owns that server. A pid file naming a process that is not such a server (after a power
     * cut the pid may have been reused) is stale and removed, since PostgreSQL would refuse to start beside it.
     */
    static void stopLeftoverPostmaster(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        var firstLine = read(pidFile).map(text -> text.lines().findFirst().orElse("").strip());
        if (firstLine.isEmpty() || !firstLine.get().matches("\\d{1,10}")) {
            return;
        }
        long pid = Long.parseLong(firstLine.get());
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // PostgreSQL itself recognises a pid file of a dead process
        }
        if (!isPostmasterOf(process.get(), dataDirectory)) {
            LOG.warn("Removing stale {}: process {} is not a PostgreSQL server of this directory", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        LOG.warn("A PostgreSQL server (pid {}) left behind by an earlier run still holds {}: stopping it", pid,
                dataDirectory);
        var children = process.get().children().toList();
        process.get().destroy(); // SIGTERM: shut down once the dead run's connections are gone
        if (!awaitExit(process.get(), LEFTOVER_STOP_WAIT)) {
            LOG.warn("PostgreSQL server {} did not stop within {} s: killing it", pid, LEFTOVER_STOP_WAIT.toSeconds());
            process.get().destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            awaitExit(process.get(), LEFTOVER_STOP_WAIT);
            for (var child : children) {
                awaitExit(child, LEFTOVER_STOP_WAIT);
            }
        }
    }

    /** Whether the process is a postgres executable whose working directory (a postmaster changes into its data directory) is this one. */
    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        var command = process.info().command().orElse("");
        if (!Path.of(command).getFileName().toString().equals("postgres")) {
            return command.isEmpty() && sameDirectory(process.pid(), dataDirectory).orElse(false);
        }
        return sameDirectory(process.pid(), dataDirectory)
                .orElseGet(() -> process.info().arguments().map(arguments -> String.join(" ", arguments)
                        .contains(dataDirectory.toString())).orElse(false));
    }

    /** Linux: compares the process's working directory; empty where {@code /proc} does not tell. */
    private static Optional<Boolean> sameDirectory(long pid, Path dataDirectory) {
        try {
            var cwd = Path.of("/proc", Long.toString(pid), "cwd").toRealPath();
            return Optional.of(cwd.equals(dataDirectory.toRealPath()));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration limit) {
        try {
            process.onExit().get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
        return true;
    }

    private void setPassword() {
        try (var connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password);
             var statement = connection.createStatement()) {
            // the password is base64url: no quote can end the literal
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the embedded PostgreSQL password", e);
        }
    }

    private void reloadConfiguration() {
        try (var connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password);
             var statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reload the embedded PostgreSQL configuration", e);
        }
    }

    private static String newPassword() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes the file readable by its owner only, complete or not at all. */
    private static void writeSecret(Path file, String secret) throws IOException {
        var partial = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial);
        }
        Files.writeString(partial, secret + "\n");
        try (var channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void closeQuietlyAfter(Exception failure) {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
