package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The pool watches for connections kept out of it only when asked to ({@code orderflow.db.leak-detection}): the
 * watch records a stack trace at every borrow, which a request pays for.
 */
class LeakDetectionIT {

    private static Database.Limits leakDetection(Duration after) {
        var defaults = Database.Limits.DEFAULT;
        return new Database.Limits(defaults.connectionTimeout(), defaults.statementTimeout(), defaults.lockTimeout(),
                after);
    }

    @Test
    void by_default_no_connection_is_watched() {
        var database = TestDatabase.empty();
        try (var pool = Database.pool(database.url(), database.user(), database.password(), 1,
                Database.Limits.DEFAULT)) {
            assertEquals(0, pool.getLeakDetectionThreshold());
        }
    }

    @Test
    void a_connection_kept_past_the_threshold_is_reported_with_the_stack_that_borrowed_it() throws Exception {
        var database = TestDatabase.empty();
        var logger = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari.pool.ProxyLeakTask");
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false); // the expected report, stack trace included, stays out of the build's log
        try (var pool = Database.pool(database.url(), database.user(), database.password(), 1,
                leakDetection(Duration.ofMillis(500)))) {
            assertEquals(2000, pool.getLeakDetectionThreshold(), "below two seconds, the pool's least");
            try (var _ = pool.getConnection()) { // borrowed and kept
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (appender.list.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
        } finally {
            logger.detachAppender(appender);
            logger.setAdditive(true);
        }
        assertFalse(appender.list.isEmpty(), "no leak reported within 10 s");
        var report = appender.list.getFirst();
        assertEquals(Level.WARN, report.getLevel());
        assertTrue(report.getFormattedMessage().contains("leak"), report.getFormattedMessage());
        assertNotNull(report.getThrowableProxy(), "the borrower's stack");
    }
}
