package dev.orderflow.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Starts the orderflow service: chooses how it logs and where it stores orders from the command line and the
 * environment, starts Micronaut and the HTTP server, and stops them in order on SIGTERM or SIGINT. A start
 * that fails ends the process with one line on stderr.
 */
public final class Application {

    private Application() {
    }

    /** Runs the service until the process is told to stop. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(TokenCommand.NAME)) {
            System.exit(TokenCommand.run(java.util.List.of(args).subList(1, args.length), System.getenv(),
                    System.getProperties(), System.out, System.err));
        }
        SignalShutdown.install(start(args, true));
    }

    /**
     * Starts Micronaut and the HTTP server and returns the running context; configured by the arguments, the
     * system properties and, if {@code fromEnvironment}, the environment variables. A start that fails ends
     * the process with one line on stderr; this method then never returns.
     */
    static ApplicationContext start(String[] args, boolean fromEnvironment) {
        long launched = System.nanoTime();
        RunOptions options;
        try {
            options = RunOptions.from(args, fromEnvironment ? System.getenv() : Map.of(), System.getProperties());
        } catch (IllegalArgumentException e) {
            StartupFailure.exit(e.getMessage());
            throw e;
        }
        // before the first logger exists: logback reads this when it configures itself
        System.setProperty(RunOptions.LOG_FORMAT_PROPERTY, options.logFormat().name().toLowerCase(Locale.ROOT));
        JavaLogging.throughSlf4j();
        var env = fromEnvironment ? System.getenv() : Map.<String, String>of();
        Map<String, Object> auth;
        try {
            auth = DevelopmentKey.needed(env, System.getProperties())
                    ? Map.of("orderflow.auth.jwt-secret", DevelopmentKey.loadOrCreate(
                            DevelopmentKey.file(env, System.getProperties())), "orderflow.auth.development-key", true)
                    : Map.of();
        } catch (RuntimeException e) {
            StartupFailure.exit(e);
            throw e;
        }
        var context = Micronaut.build(options.micronautArgs().toArray(String[]::new))
                .mainClass(Application.class)
                .properties(auth)
                .environmentPropertySource(fromEnvironment)
                .banner(false)
                .build();
        try {
            context.start();
            var server = context.getBean(EmbeddedServer.class).start();
            LoggerFactory.getLogger(Application.class).info("Startup completed in {}ms. Server Running: {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched), server.getURL());
        } catch (RuntimeException e) {
            stopAfterFailedStart(context, e);
            StartupFailure.exit(e);
            throw e;
        }
        return context;
    }

    /** Stops what did start (an embedded database, a pool), so that nothing outlives the process. */
    private static void stopAfterFailedStart(ApplicationContext context, RuntimeException failure) {
        try {
            if (context.isRunning()) {
                context.close();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
