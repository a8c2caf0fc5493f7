package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JavaLoggingTest {

    @RegisterExtension
    final LogLines exporter = new LogLines("io.opentelemetry.exporter.test");

    @Test
    void a_java_util_logging_record_becomes_a_logback_event_with_its_level() {
        JavaLogging.throughSlf4j();
        JavaLogging.throughSlf4j();
        var jul = java.util.logging.Logger.getLogger("io.opentelemetry.exporter.test");
        jul.warning("Failed to export spans");
        jul.finest("not at this level");

        assertEquals(List.of("WARN Failed to export spans"),
                exporter.list().stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
    }
}
