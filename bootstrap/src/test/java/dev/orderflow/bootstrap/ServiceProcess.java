package dev.orderflow.bootstrap;

import dev.orderflow.adapters.rest.api.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged service jar ({@code target/orderflow.jar}) running as a child process, the way the README runs
 * it: on a random port, with the given environment, its stdout and stderr kept in files.
 */
final class ServiceProcess implements AutoCloseable {

    /** How long a start may take on a busy two-core machine before the test gives up; not a performance bound. */
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Pattern SERVER_RUNNING = Pattern.compile("Server Running: http://[^:/\"]+:(\\d+)");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ServiceProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** {@code Authorization} header value for a token of {@code sub} with these roles, as tests send it. */
    static String bearer(String sub, String... roles) {
        return TestTokens.bearer(TestTokens.hs256(TestTokens.SECRET).mint(sub, roles));
    }

    /** Starts the jar with the environment variables added; does not wait. */
    static ServiceProcess launch(Path workDir, Map<String, String> env, String... args) {
        try {
            Files.createDirectories(workDir);
            var stdout = Files.createTempFile(workDir, "stdout", ".log");
            var stderr = Files.createTempFile(workDir, "stderr", ".log");
            var command = new ArrayList<>(List.of(javaExecutable()));
            command.addAll(jvmOptions());
            command.addAll(List.of("-jar", jar().toString()));
            command.addAll(List.of(args));
            var builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("ORDERFLOW_"));
            builder.environment().put("ORDERFLOW_PORT", "-1");
            builder.environment().put("ORDERFLOW_HOST", "127.0.0.1");
            // tests mint tokens with this secret (TestTokens); a test of the development key passes it empty
            builder.environment().put("ORDERFLOW_AUTH_JWT_SECRET", TestTokens.SECRET);
            builder.environment().putAll(env);
            return new ServiceProcess(builder.start(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar and waits until it serves requests; fails with its output if it stops first. */
    static ServiceProcess start(Path workDir, Map<String, String> env, String... args) {
        var service = launch(workDir, env, args);
        service.awaitStarted();
        return service;
    }

    static Path jar() {
        var jar = Path.of(System.getProperty("orderflow.jar", "target/orderflow.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the tests with `mvn verify` (after package)");
        }
        return jar;
    }

    /**
     * The README's JVM options: those of the build ({@code orderflow.jvm.options}: collector, heap bound) and the
     * AOT cache that the build writes next to the jar, which
     * the JVM must use ({@code AOTMode=on}: a cache it refuses, say after a JVM option of the training that
     * the run does not repeat, fails the start instead of quietly making it twice as slow).
     */
    private static List<String> jvmOptions() {
        var options = new ArrayList<>(List.of(System.getProperty("orderflow.jvm.options", "").strip().split("\\s+")));
        options.removeIf(String::isEmpty);
        var cache = Path.of(System.getProperty("orderflow.aot-cache", "target/orderflow.aot"));
        if (Files.isRegularFile(cache)) {
            options.addAll(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"));
        }
        return options;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until it serves requests; fails with its output if it stops first. */
    void awaitStarted() {
        var deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (port() > 0) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service stopped during start (exit " + process.exitValue() + ")\n"
                        + "stdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not start within " + START_LIMIT + "\nstdout:\n" + stdout());
    }

    /** The port it serves on, once it logged so; 0 before. */
    int port() {
        var matcher = SERVER_RUNNING.matcher(stdout());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit() {
        try {
            if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the service did not stop\nstdout:\n" + stdout());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends SIGTERM, as an orchestrator does, and waits for the process to end; returns the exit code. */
    int terminate() {
        process.destroy();
        return awaitExit();
    }

    /** Sends SIGKILL, as {@code kill -9} or the OOM killer does (no shutdown hook runs), and waits for the end. */
    int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** Stops the process where it is with SIGSTOP, as {@code kill -STOP} does; {@link #thaw()} lets it go on. */
    void freeze() {
        signal("STOP");
    }

    /** Continues a frozen process (SIGCONT). */
    void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            var kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
