package dev.orderflow.bootstrap;

import dev.orderflow.adapters.persistence.PostgresStorage;
import io.micronaut.core.convert.ConversionService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the command line and the environment say about how to run: the log format, where orders are stored,
 * and the arguments for Micronaut. Checked before anything starts, so that a wrong value is one clear
 * message instead of a failure deep inside the framework.
 */
record RunOptions(LogFormat logFormat, Storage storage, List<String> micronautArgs) {

    /** The system property logback.xml reads to pick its appender. */
    static final String LOG_FORMAT_PROPERTY = "orderflow.log.format";


    private static final String PLAIN_LOGS_FLAG = "--plain-logs";
    private static final String IN_MEMORY_FLAG = "--in-memory";
    private static final String POSTGRES_URL_PREFIX = "jdbc:postgresql://";

    enum LogFormat { JSON, PLAIN }

    enum Storage { POSTGRES, MEMORY }

    /** The levels logback.xml takes from ORDERFLOW_LOG_LEVEL; logback reads any other word as DEBUG. */
    enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR, OFF }

    /**
     * Switches, which Micronaut reads as false unless they say true, on or yes: a typo such as {@code 1} in
     * ORDERFLOW_DB_EMBEDDED_SYNCHRONOUS_COMMIT would have turned durability off.
     */
    private static final List<String> SWITCHES = List.of("ORDERFLOW_DB_EMBEDDED_SYNCHRONOUS_COMMIT",
            "ORDERFLOW_ACCESS_LOG", "ORDERFLOW_API_DOCS_ENABLED");

    /** Durations that the framework reads only when they are used (at the first run of a job, at SIGTERM). */
    private static final List<String> LATE_DURATIONS = List.of("ORDERFLOW_SHUTDOWN_GRACE_PERIOD",
            "ORDERFLOW_RETENTION_INTERVAL", "ORDERFLOW_RETENTION_OUTBOX", "ORDERFLOW_RETENTION_INBOX",
            "ORDERFLOW_PAYMENT_DEADLINE_CHECK_INTERVAL");

    /** Reads the options; a wrong value is an {@link IllegalArgumentException} saying what is wrong. */
    static RunOptions from(String[] args, Map<String, String> env, Properties system) {
        var rest = new ArrayList<String>();
        boolean plainLogs = false;
        boolean inMemory = false;
        for (var arg : args) {
            switch (arg) {
                case PLAIN_LOGS_FLAG -> plainLogs = true;
                case IN_MEMORY_FLAG -> inMemory = true;
                default -> rest.add(arg);
            }
        }
        var logFormat = plainLogs ? LogFormat.PLAIN
                : choice(LogFormat.class, "ORDERFLOW_LOG_FORMAT",
                        env.getOrDefault("ORDERFLOW_LOG_FORMAT", system.getProperty(LOG_FORMAT_PROPERTY, "json")));
        var storage = inMemory ? Storage.MEMORY
                : choice(Storage.class, "ORDERFLOW_STORAGE", env.getOrDefault("ORDERFLOW_STORAGE", "postgres"));
        var dbUrl = env.get("ORDERFLOW_DB_URL");
        if (storage == Storage.POSTGRES && dbUrl != null && !dbUrl.startsWith(POSTGRES_URL_PREFIX)) {
            throw new IllegalArgumentException("ORDERFLOW_DB_URL must be a PostgreSQL JDBC URL starting with "
                    + POSTGRES_URL_PREFIX + " (for example jdbc:postgresql://db.example:5432/orderflow)");
        }
        var secret = env.get("ORDERFLOW_AUTH_JWT_SECRET");
        if (secret != null && !secret.isBlank() && secret.strip().getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("ORDERFLOW_AUTH_JWT_SECRET must be at least 32 characters long");
        }
        for (var name : SWITCHES) {
            var value = env.get(name);
            if (value != null && !value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
            }
        }
        for (var name : LATE_DURATIONS) {
            var value = env.get(name);
            if (value != null && !positive(value)) {
                throw new IllegalArgumentException(name + " must be a positive duration with a unit, such as 20s, "
                        + "10m, 7d or PT1H, not '" + value + "'");
            }
        }
        if (env.containsKey("ORDERFLOW_LOG_LEVEL")) {
            choice(LogLevel.class, "ORDERFLOW_LOG_LEVEL", env.get("ORDERFLOW_LOG_LEVEL"));
        }
        if (inMemory) {
            rest.add("--" + PostgresStorage.STORAGE + "=" + PostgresStorage.MEMORY);
        }
        return new RunOptions(logFormat, storage, List.copyOf(rest));
    }

    /** Whether Micronaut reads the text as a duration, and that duration is longer than zero. */
    private static boolean positive(String text) {
        return ConversionService.SHARED.convert(text.strip(), Duration.class)
                .filter(duration -> duration.isPositive()).isPresent();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        var allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed)
                + ", not '" + value + "'");
    }
}
