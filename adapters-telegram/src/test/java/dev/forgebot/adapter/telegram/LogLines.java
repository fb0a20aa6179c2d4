package dev.forgebot.adapter.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures one class's log lines (DEBUG and up) for assertions; {@link #close} detaches it. */
final class LogLines implements AutoCloseable {

    private final Logger logger;
    private final Level levelBefore;
    private final boolean additiveBefore;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogLines(Class<?> type) {
        this.logger = (Logger) LoggerFactory.getLogger(type);
        this.levelBefore = logger.getLevel();
        this.additiveBefore = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
    }

    static LogLines of(Class<?> type) {
        return new LogLines(type);
    }

    /** The formatted lines at {@code level}. */
    List<String> at(Level level) {
        return appender.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Every formatted line. */
    List<String> all() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
        logger.setAdditive(additiveBefore);
    }
}
