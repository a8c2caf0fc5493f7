package dev.orderflow.bootstrap;

import java.util.Locale;

/**
 * Starts the orderflow service: chooses how it logs and where it stores orders from the command line and the
 * environment, then starts Micronaut. A configuration error ends the process with one line on stderr.
 */
public final class Application {

    private Application() {
    }

    /** Runs the service until the process is told to stop. */
    public static void main(String[] args) {
        RunOptions options;
        try {
            options = RunOptions.from(args, System.getenv(), System.getProperties());
        } catch (IllegalArgumentException e) {
            StartupFailure.exit(e.getMessage());
            return;
        }
        // before the first logger exists: logback reads this when it configures itself
        System.setProperty(RunOptions.LOG_FORMAT_PROPERTY, options.logFormat().name().toLowerCase(Locale.ROOT));
        new Launcher()
                .mainClass(Application.class)
                .args(options.micronautArgs().toArray(String[]::new))
                .banner(false)
                .start();
    }
}
