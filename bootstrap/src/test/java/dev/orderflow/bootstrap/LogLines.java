package dev.orderflow.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** The lines one logger (and the loggers below it) writes during each test; use with {@code @RegisterExtension}. */
final class LogLines implements BeforeEachCallback, AfterEachCallback {

    /** The access log's lines. */
    static final String ACCESS = "orderflow.access";
    /** Every line. */
    static final String ALL = Logger.ROOT_LOGGER_NAME;

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger;

    LogLines(String logger) {
        this.logger = (Logger) LoggerFactory.getLogger(logger);
    }

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
