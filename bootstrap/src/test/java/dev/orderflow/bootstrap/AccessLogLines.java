package dev.orderflow.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The access log's lines (logger {@code orderflow.access}) written during each test; use with
 * {@code @RegisterExtension}.
 */
final class AccessLogLines implements BeforeEachCallback, AfterEachCallback {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("orderflow.access");

    @Override
    public void beforeEach(ExtensionContext test) {
        lines.start();
        logger.addAppender(lines);
    }

    @Override
    public void afterEach(ExtensionContext test) {
        logger.detachAppender(lines);
    }

    List<ILoggingEvent> list() {
        return lines.list;
    }
}
