package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server after a crash of the process that started it ({@code kill -9} of a child JVM): the next
 * open of the directory stops the orphaned postmaster and starts on its first try, with the committed row there;
 * a second live process on the directory is refused; the server runs with fsync on and lets no one in without
 * the generated password.
 */
class EmbeddedCrashIT {

    @TempDir
    Path workDir;

    @Test
    void a_start_after_kill_9_succeeds_on_the_first_try_with_the_data_kept() throws Exception {
        var data = workDir.resolve("data");
        var child = launchChild(data, "before-the-crash");
        awaitReady(child);
        long orphan = postmasterPid(data);
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor();
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
                "the scenario: the postmaster outlives the killed process");

        try (var database = Database.open(settings(data))) {
            assertAll(
                    () -> assertEquals("before-the-crash", one(database, "SELECT note FROM crash_probe")),
                    () -> assertEquals("on", one(database, "SHOW fsync")),
                    () -> assertEquals("on", one(database, "SHOW full_page_writes")),
                    () -> assertEquals("on", one(database, "SHOW synchronous_commit")),
                    () -> assertEquals("127.0.0.1", one(database, "SHOW listen_addresses")),
                    () -> assertNotEquals(orphan, postmasterPid(data)),
                    () -> assertEquals("rw-------", PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(data.resolve(EmbeddedServer.PASSWORD_FILE)))));
        }
    }

    @Test
    void a_second_live_process_on_the_directory_is_refused_with_one_line() throws Exception {
        var data = workDir.resolve("data");
        try (var database = Database.open(settings(data))) {
            var second = launchChild(data, "second");
            second.getOutputStream().close();
            assertTrue(second.waitFor(3, TimeUnit.MINUTES));
            var stderr = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertAll(
                    () -> assertNotEquals(0, second.exitValue()),
                    () -> assertTrue(stderr.contains("is in use by another running orderflow"), stderr),
                    () -> assertEquals("on", one(database, "SHOW fsync"), "the first one keeps running"));
        }
    }

    @Test
    void the_server_refuses_logins_without_the_generated_password_and_reuses_it() throws Exception {
        var data = workDir.resolve("data");
        String url;
        try (var database = Database.open(settings(data))) {
            url = one(database, "SELECT 'jdbc:postgresql://127.0.0.1:' || current_setting('port') || '/postgres'");
            var noPassword = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", ""));
            var wrongPassword = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url, "postgres", "guess"));
            assertAll(
                    () -> assertEquals("28P01", wrongPassword.getSQLState(), wrongPassword.getMessage()),
                    () -> assertTrue(noPassword.getMessage().contains("password"), noPassword.getMessage()));
        }
        var password = Files.readString(data.resolve(EmbeddedServer.PASSWORD_FILE));
        try (var database = Database.open(settings(data))) {
            assertEquals("1", one(database, "SELECT 1"));
        }
        assertEquals(password, Files.readString(data.resolve(EmbeddedServer.PASSWORD_FILE)), "reused");
    }

    @Test
    void a_directory_of_an_earlier_version_that_trusted_everyone_gets_a_password() throws Exception {
        var data = workDir.resolve("data");
        String url;
        try (var earlier = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).start()) {
            url = earlier.getJdbcUrl("postgres", "postgres");
            try (var connection = DriverManager.getConnection(url)) {
                assertTrue(connection.isValid(1), "the earlier version let anyone in");
            }
        }
        try (var database = Database.open(settings(data))) {
            var port = one(database, "SELECT current_setting('port')");
            assertAll(
                    () -> assertEquals("1", one(database, "SELECT 1")),
                    () -> assertThrows(SQLException.class, () -> DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")));
        }
    }

    private static Database.Settings settings(Path data) {
        return new Database.Settings(Optional.empty(), "", "", data, true, 2);
    }

    private static String one(Database database, String query) throws SQLException {
        try (var connection = database.dataSource().getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
    }

    private Process launchChild(Path data, String note) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedChild.class.getName(), data.toString(), note));
        return new ProcessBuilder(command).directory(workDir.toFile()).start();
    }

    private static void awaitReady(Process child) throws IOException {
        var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        var seen = new StringBuilder();
        for (var line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("ready")) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child stopped before it was ready:\n" + seen
                + new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
