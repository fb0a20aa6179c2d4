package dev.forgebot.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executor on real virtual threads: concurrency, failures off the test's thread, shutdown timing. */
class SupervisedExecutorIT {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final CapturedLogs logs = CapturedLogs.of(SupervisedExecutor.class);

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    @Test
    void tenThousandConcurrentTasksAllCompleteAndAreReleased() throws InterruptedException {
        int tasks = 10_000;
        SupervisedExecutor executor = new SupervisedExecutor(Clock.systemUTC());
        CountDownLatch allStarted = new CountDownLatch(tasks);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> threadNames = new ConcurrentLinkedQueue<>();

        long t0 = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            assertThat(executor.launch("load", () -> {
                threadNames.add(Thread.currentThread().getName());
                allStarted.countDown();
                go.await();
            })).isTrue();
        }
        assertThat(allStarted.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
        TaskCounts whileBlocked = executor.counts();
        int registeredWhileBlocked = executor.running().size();
        go.countDown();
        ShutdownReport report = executor.shutdown(GENEROUS);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf("10,000 concurrent tasks: launched, all running at once, and finished in %d ms%n",
                elapsedMillis);

        assertThat(whileBlocked).isEqualTo(new TaskCounts(tasks, tasks, 0, 0, 0));
        assertThat(registeredWhileBlocked).isEqualTo(tasks);
        assertThat(report.finishedInTime()).isTrue();
        assertThat(executor.counts()).isEqualTo(new TaskCounts(tasks, 0, tasks, 0, 0));
        assertThat(executor.running()).isEmpty();
        assertThat(threadNames).hasSize(tasks).doesNotHaveDuplicates().allMatch(n -> n.startsWith("load-"));
        assertThat(logs.at(Level.ERROR)).isEmpty();
    }

    @Test
    void failingTaskOnItsVirtualThreadIsLoggedAtErrorWithItsName() {
        SupervisedExecutor executor = new SupervisedExecutor(Clock.systemUTC());

        executor.launch("enrich-lead", () -> {
            throw new IllegalStateException("store unavailable");
        });
        executor.shutdown(GENEROUS);

        assertThat(logs.at(Level.ERROR)).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).startsWith("background task failed task=enrich-lead");
            assertThat(event.getThreadName()).isEqualTo("enrich-lead-1");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        });
        assertThat(executor.counts()).isEqualTo(new TaskCounts(1, 0, 0, 1, 0));
    }

    @Test
    void shutdownLetsRunningWorkFinishWithinTheGracePeriod() {
        SupervisedExecutor executor = new SupervisedExecutor(Clock.systemUTC());
        CountDownLatch neverReleased = new CountDownLatch(1);
        executor.launch("short-job", () -> neverReleased.await(100, TimeUnit.MILLISECONDS));

        ShutdownReport report = executor.shutdown(GENEROUS);

        assertThat(report.finishedInTime()).isTrue();
        assertThat(executor.counts()).isEqualTo(new TaskCounts(1, 0, 1, 0, 0));
    }

    @Test
    void shutdownWithStuckTasksReturnsWithinTheGracePeriodAndNamesThem() throws InterruptedException {
        Duration grace = Duration.ofMillis(300);
        Duration interruptWait = Duration.ofMillis(200);
        Duration margin = Duration.ofMillis(1_500); // room for a loaded CI machine; the grace is what is asserted
        SupervisedExecutor executor = new SupervisedExecutor(Clock.systemUTC(), interruptWait);
        CountDownLatch neverReleased = new CountDownLatch(1);
        CountDownLatch releaseStubborn = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        executor.launch("quick", () -> { });
        executor.launch("stuck-on-latch", () -> {
            started.countDown();
            neverReleased.await();
        });
        executor.launch("ignores-interrupts", () -> {
            started.countDown();
            long end = System.nanoTime() + GENEROUS.toNanos();
            while (releaseStubborn.getCount() > 0 && System.nanoTime() < end) {
                try {
                    releaseStubborn.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException ignoredOnPurpose) {
                    // this task ignores interrupts
                }
            }
        });
        assertThat(started.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

        try {
            long t0 = System.nanoTime();
            ShutdownReport report = executor.shutdown(grace);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(took).isGreaterThanOrEqualTo(grace).isLessThan(grace.plus(interruptWait).plus(margin));
            assertThat(report.unfinishedNames()).containsExactly("stuck-on-latch", "ignores-interrupts");
            assertThat(report.abandoned()).extracting(RunningTask::name).containsExactly("ignores-interrupts");
            assertThat(executor.running()).extracting(RunningTask::name).containsExactly("ignores-interrupts");
            assertThat(logs.messagesAt(Level.WARN))
                    .anySatisfy(m -> assertThat(m).contains("interrupting").contains("stuck-on-latch-2")
                            .contains("ignores-interrupts-3"))
                    .anySatisfy(m -> assertThat(m).contains("abandoning").contains("ignores-interrupts-3"))
                    .anySatisfy(m -> assertThat(m).contains("interrupted at shutdown task=stuck-on-latch"));
            assertThat(executor.launch("late", () -> { })).isFalse();
        } finally {
            releaseStubborn.countDown();
        }
        assertThat(executor.shutdown(GENEROUS).finishedInTime()).isTrue();
        assertThat(executor.counts()).isEqualTo(new TaskCounts(3, 0, 2, 1, 1));
    }
}
