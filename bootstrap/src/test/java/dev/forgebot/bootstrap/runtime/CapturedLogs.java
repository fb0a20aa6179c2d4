package dev.forgebot.bootstrap.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what one class logs, through a Logback {@link ListAppender} on its logger. While
 * attached, the logger logs everything and does not pass events on to the console, so expected
 * failures do not clutter the build output. Close it to restore the logger.
 */
final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // Fix the thread name and message now: read later, on the test's thread, they would be its own.
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final Level previousLevel;
    private final boolean previousAdditive;

    private CapturedLogs(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        previousLevel = logger.getLevel();
        previousAdditive = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
    }

    static CapturedLogs of(Class<?> type) {
        return new CapturedLogs(type);
    }

    /** Events logged so far, in order. */
    List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** Events at {@code level}, in order. */
    List<ILoggingEvent> at(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).toList();
    }

    /** Formatted messages at {@code level}, in order. */
    List<String> messagesAt(Level level) {
        return at(level).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditive);
        appender.stop();
    }
}
