package dev.orderflow.bootstrap;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

/** Micronaut's launcher, except that a failed start ends with one line on stderr instead of a stack trace. */
final class Launcher extends Micronaut {

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        StartupFailure.exit(exception);
    }
}
