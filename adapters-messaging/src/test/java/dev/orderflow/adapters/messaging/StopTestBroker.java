package dev.orderflow.adapters.messaging;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared test broker when the JUnit run ends, while the JVM is still running normally (registered
 * in {@code META-INF/services}; see {@link KafkaBroker#stopShared()} for why not in a shutdown hook).
 */
public final class StopTestBroker implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        KafkaBroker.stopShared();
    }
}
