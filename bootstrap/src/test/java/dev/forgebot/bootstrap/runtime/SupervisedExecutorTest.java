package dev.forgebot.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.forgebot.application.fake.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The executor's bookkeeping, with tasks run on the test's own thread (no threads, no wall clock).
 * Real virtual threads, concurrency and shutdown timing are in {@link SupervisedExecutorIT}.
 */
class SupervisedExecutorTest {

    private final List<String> threadNames = new ArrayList<>();
    private final ThreadStarter inline = (threadName, body) -> {
        threadNames.add(threadName);
        body.run();
    };
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final SupervisedExecutor executor = new SupervisedExecutor(clock, Duration.ZERO, inline);
    private final CapturedLogs logs = CapturedLogs.of(SupervisedExecutor.class);

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    @Test
    void failingTaskIsLoggedAtErrorWithItsNameAndStackTrace() {
        boolean started = executor.launch("enrich-lead", () -> {
            throw new IllegalStateException("store unavailable");
        });

        assertThat(started).isTrue();
        List<ILoggingEvent> errors = logs.at(Level.ERROR);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().getFormattedMessage())
                .startsWith("background task failed task=enrich-lead")
                .contains("thread=enrich-lead-1");
        assertThat(errors.getFirst().getThrowableProxy().getMessage()).isEqualTo("store unavailable");
        assertThat(errors.getFirst().getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        assertThat(executor.counts()).isEqualTo(new TaskCounts(1, 0, 0, 1, 0));
    }

    @Test
    void anErrorThrownByATaskIsLoggedAndCountedLikeAnException() {
        executor.launch("parse-export", () -> {
            throw new StackOverflowError("deep");
        });

        assertThat(logs.messagesAt(Level.ERROR)).singleElement().asString().contains("task=parse-export");
        assertThat(executor.counts().failed()).isEqualTo(1);
    }

    @Test
    void tasksRunOnThreadsNamedAfterThemWithASequence() {
        executor.launch("notify-manager", () -> { });
        executor.launch("enrich-lead", () -> { });
        executor.launch("notify-manager", () -> { });

        assertThat(threadNames).containsExactly("notify-manager-1", "enrich-lead-2", "notify-manager-3");
    }

    @Test
    void finishedTasksAreCountedAndLeaveTheRegistry() {
        List<List<RunningTask>> seenWhileRunning = new ArrayList<>();
        executor.launch("first", () -> seenWhileRunning.add(executor.running()));
        executor.launch("second", () -> {
            throw new Exception("no");
        });

        assertThat(seenWhileRunning).singleElement().asList()
                .containsExactly(new RunningTask("first", "first-1", clock.instant()));
        assertThat(executor.running()).isEmpty();
        assertThat(executor.counts()).isEqualTo(new TaskCounts(2, 0, 1, 1, 0));
    }

    @Test
    void launchAfterShutdownIsRefusedAndLoggedAtWarn() {
        ShutdownReport report = executor.shutdown(Duration.ZERO);

        boolean started = executor.launch("send-reminder", () -> { });

        assertThat(started).isFalse();
        assertThat(report.finishedInTime()).isTrue();
        assertThat(threadNames).isEmpty();
        assertThat(logs.messagesAt(Level.WARN)).containsExactly(
                "background task refused, executor is shut down task=send-reminder");
        assertThat(executor.isShutdown()).isTrue();
        assertThat(executor.counts()).isEqualTo(new TaskCounts(0, 0, 0, 0, 1));
    }

    @Test
    void aTaskNeedsAName() {
        assertThatThrownBy(() -> executor.launch(" ", () -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThat(executor.counts().launched()).isZero();
    }

    @Test
    void aTaskWhoseThreadCannotStartIsNotLeftInTheRegistry() {
        SupervisedExecutor starved = new SupervisedExecutor(clock, Duration.ZERO, (name, body) -> {
            throw new OutOfMemoryError("unable to create native thread");
        });

        assertThatThrownBy(() -> starved.launch("enrich-lead", () -> { })).isInstanceOf(OutOfMemoryError.class);
        assertThat(starved.running()).isEmpty();
        assertThat(starved.counts().launched()).isZero();
    }
}
