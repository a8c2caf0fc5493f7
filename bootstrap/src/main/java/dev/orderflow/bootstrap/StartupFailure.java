package dev.orderflow.bootstrap;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Ends a start that cannot succeed with one line on stderr saying what is wrong, and a non-zero exit code.
 * The full chain of causes goes to the log at debug level.
 */
final class StartupFailure {

    /** The process exit code of a start that failed. */
    static final int EXIT_CODE = 1;

    private StartupFailure() {
    }

    static void exit(String message) {
        System.err.println("orderflow: cannot start: " + message);
        System.err.flush();
        System.exit(EXIT_CODE);
    }

    static void exit(Throwable failure) {
        LoggerFactory.getLogger(StartupFailure.class).debug("start failed", failure);
        exit(describe(failure));
    }

    /** The most telling message of the chain: the innermost cause, which names the actual problem. */
    static String describe(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            var message = firstLine(chain.get(i).getMessage());
            if (!message.isEmpty()) {
                return message;
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        var line = message.strip();
        int end = line.indexOf('\n');
        return (end < 0 ? line : line.substring(0, end)).strip();
    }
}
