package dev.forgebot.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.bootstrap.runtime.LoopState.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervisor on real virtual threads: restarts on a new thread, and stop. */
class LoopSupervisorIT {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final CapturedLogs logs = CapturedLogs.of(LoopSupervisor.class);

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    @Test
    void stopInterruptsALoopWaitingForItsNextPass() throws InterruptedException {
        LoopSupervisor supervisor = new LoopSupervisor(new SystemSleeper(), Clock.systemUTC());
        CountDownLatch firstPass = new CountDownLatch(1);
        supervisor.start(new LoopSpec("follow-ups", () -> {
            firstPass.countDown();
            return LoopOutcome.CONTINUE;
        }, HOUR));
        assertThat(firstPass.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

        List<String> stillRunning = supervisor.stop(GENEROUS);

        assertThat(stillRunning).isEmpty();
        assertThat(supervisor.states().get("follow-ups").status()).isEqualTo(Status.STOPPED);
        assertThat(supervisor.healthy()).isTrue();
    }

    @Test
    void stopLoopStopsThatLoopOnlyAndTheOthersGoOn() throws InterruptedException {
        LoopSupervisor supervisor = new LoopSupervisor(new SystemSleeper(), Clock.systemUTC());
        CountDownLatch pollerStarted = new CountDownLatch(1);
        CountDownLatch otherPasses = new CountDownLatch(3);
        supervisor.start(new LoopSpec("telegram-poller", () -> {
            pollerStarted.countDown();
            return LoopOutcome.CONTINUE;
        }, HOUR));
        assertThat(pollerStarted.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

        boolean ended = supervisor.stopLoop("telegram-poller", GENEROUS);
        supervisor.start(new LoopSpec("inbox-dispatcher", () -> {
            otherPasses.countDown();
            return LoopOutcome.CONTINUE_NOW;
        }, HOUR));

        assertThat(ended).isTrue();
        assertThat(supervisor.states().get("telegram-poller").status()).isEqualTo(Status.STOPPED);
        assertThat(otherPasses.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.stopLoop("no-such-loop", Duration.ZERO)).isTrue();
        supervisor.stop(GENEROUS);
    }

    @Test
    void stopReturnsAfterTheGracePeriodAndNamesALoopThatIgnoresInterrupts() throws InterruptedException {
        LoopSupervisor supervisor = new LoopSupervisor(new SystemSleeper(), Clock.systemUTC());
        CountDownLatch inPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        supervisor.start(new LoopSpec("stubborn", () -> {
            inPass.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignoredOnPurpose) {
                    // this pass ignores interrupts
                }
            }
            return LoopOutcome.CONTINUE;
        }, HOUR));
        assertThat(inPass.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Duration grace = Duration.ofMillis(200);

        try {
            long t0 = System.nanoTime();
            List<String> stillRunning = supervisor.stop(grace);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(stillRunning).containsExactly("stubborn");
            assertThat(took).isGreaterThanOrEqualTo(grace).isLessThan(grace.plusMillis(500));
            assertThat(logs.messagesAt(ch.qos.logback.classic.Level.WARN))
                    .contains("loops did not stop within the grace period grace=PT0.2S loops=[stubborn]");
        } finally {
            release.countDown();
        }
        assertThat(supervisor.stop(GENEROUS)).isEmpty();
        assertThat(supervisor.states().get("stubborn").status()).isEqualTo(Status.STOPPED);
    }

    @Test
    void deadLoopThreadIsReplacedByANewVirtualThread() throws InterruptedException {
        ConcurrentLinkedQueue<Duration> waits = new ConcurrentLinkedQueue<>();
        SystemSleeper real = new SystemSleeper();
        // Backoffs (seconds) pass at once; the wait for the next pass (just under an hour) is real.
        Sleeper backoffWithoutWaiting = d -> {
            waits.add(d);
            if (d.compareTo(Duration.ofMinutes(1)) > 0) {
                real.sleep(d);
            }
        };
        LoopSupervisor supervisor = new LoopSupervisor(backoffWithoutWaiting, Clock.systemUTC());
        ConcurrentLinkedQueue<Thread> passThreads = new ConcurrentLinkedQueue<>();
        CountDownLatch secondPass = new CountDownLatch(1);
        supervisor.start(new LoopSpec("phoenix", () -> {
            passThreads.add(Thread.currentThread());
            if (passThreads.size() == 1) {
                throw new AssertionError("first pass dies");
            }
            secondPass.countDown();
            return LoopOutcome.CONTINUE;
        }, HOUR));

        assertThat(secondPass.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
        LoopState afterRestart = supervisor.states().get("phoenix");
        List<String> stillRunning = supervisor.stop(GENEROUS);

        assertThat(passThreads).extracting(Thread::getName).containsExactly("phoenix-0", "phoenix-1");
        assertThat(passThreads).allMatch(Thread::isVirtual).doesNotHaveDuplicates();
        assertThat(waits).startsWith(Duration.ofSeconds(1));
        assertThat(afterRestart.restarts()).isEqualTo(1);
        assertThat(afterRestart.lastError()).isEqualTo("AssertionError: first pass dies");
        assertThat(supervisor.restarts()).isEqualTo(1);
        assertThat(stillRunning).isEmpty();
        assertThat(supervisor.states().get("phoenix").status()).isEqualTo(Status.STOPPED);
    }
}
