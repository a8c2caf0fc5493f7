package dev.orderflow.bootstrap;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging's records through SLF4J to logback, so that they are log lines like all others (JSON by
 * default) instead of multi-line text on stderr: the OpenTelemetry exporter reports a collector it cannot reach
 * there, and so does the JDK.
 */
final class JavaLogging {

    private JavaLogging() {
    }

    /** Replaces java.util.logging's console handler with the bridge; calling it again changes nothing. */
    static void throughSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
