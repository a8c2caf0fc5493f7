package dev.orderflow.bootstrap;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Ends a start that cannot succeed with one line on stderr saying what is wrong, and a non-zero exit code.
 * The full chain of causes goes to the log at debug level.
 */
final class StartupFailure {

    /** The process exit code of a start that failed. */
    static final int EXIT_CODE = 1;

    private static final String INJECTION_MESSAGE = "Message: ";

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

    /**
     * The most telling message of the chain. A database problem is the driver's message, which names the
     * server and what went wrong; otherwise the innermost message, and of Micronaut's multi-line injection
     * errors the last "Message:" line, which is the actual problem (such as a value that does not convert).
     */
    static String describe(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (var t : chain) {
            if (t instanceof SQLException) {
                return "database: " + specific(t.getMessage());
            }
        }
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) instanceof FileSystemException file) {
                // its message is only the path: say what happened to it, after what was being done
                var doing = i > 0 ? specific(chain.get(i - 1).getMessage()) : file.getFile();
                return doing + ": " + (file.getReason() != null ? file.getReason() : what(file));
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            var message = specific(chain.get(i).getMessage());
            if (!message.isEmpty()) {
                return message;
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** "AccessDeniedException" as "access denied". */
    private static String what(FileSystemException failure) {
        return failure.getClass().getSimpleName().replace("Exception", "").replaceAll("(?<=.)(?=\\p{Upper})", " ")
                .toLowerCase(Locale.ROOT);
    }

    private static String specific(String message) {
        if (message == null) {
            return "";
        }
        var lines = message.strip().lines().map(String::strip).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(INJECTION_MESSAGE)) {
                return lines.get(i).substring(INJECTION_MESSAGE.length()).strip();
            }
        }
        return lines.isEmpty() ? "" : lines.getFirst();
    }
}
