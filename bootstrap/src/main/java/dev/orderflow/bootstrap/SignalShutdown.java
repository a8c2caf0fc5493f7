package dev.orderflow.bootstrap;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Stops the service in order on SIGTERM and SIGINT: the server stops accepting and lets in-flight requests
 * finish (bounded by the grace period), then the connection pool closes, then the embedded database stops.
 *
 * <p>Why not a JVM shutdown hook: hooks run concurrently, and the embedded PostgreSQL library registers one
 * of its own that would stop the database while requests are still being answered. Handling the signal
 * runs the whole orderly stop before the JVM starts its hooks; by then there is nothing left for them.
 */
final class SignalShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(SignalShutdown.class);

    private SignalShutdown() {
    }

    static void install(ApplicationContext context) {
        for (var name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> stop(context, signal));
        }
    }

    private static void stop(ApplicationContext context, Signal signal) {
        LOG.info("SIG{} received: stopping; in-flight requests finish first", signal.getName());
        int exitCode = 0;
        try {
            context.close();
            LOG.info("stopped");
        } catch (RuntimeException e) {
            LOG.error("stopping failed", e);
            exitCode = 1;
        }
        System.exit(exitCode);
    }
}
