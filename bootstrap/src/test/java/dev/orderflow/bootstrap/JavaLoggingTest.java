package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JavaLoggingTest {

    @Test
    void a_java_util_logging_record_becomes_a_logback_event_with_its_level() {
        var logback = (Logger) LoggerFactory.getLogger("io.opentelemetry.exporter.test");
        var events = new ListAppender<ILoggingEvent>();
        events.start();
        logback.addAppender(events);
        try {
            JavaLogging.throughSlf4j();
            JavaLogging.throughSlf4j();
            var jul = java.util.logging.Logger.getLogger("io.opentelemetry.exporter.test");
            jul.warning("Failed to export spans");
            jul.finest("not at this level");
        } finally {
            logback.detachAppender(events);
        }
        assertEquals(List.of("WARN Failed to export spans"),
                events.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
        assertEquals(Level.WARN, events.list.getFirst().getLevel());
    }
}
