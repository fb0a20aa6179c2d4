package dev.forgebot.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.bootstrap.runtime.LoopState.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's schedule, restarts and health with time in the test's hands: a {@link MutableClock}
 * and a {@link FakeSleeper} that records each wait and moves the clock on by it. Each loop runs on
 * the test's own thread (a restart runs its new generation in place of a new thread), and ends when
 * the fake sleeper interrupts a wait, when the loop turns fatal, or when it gives up restarting.
 * Real threads and {@code stop} are in {@link LoopSupervisorIT}.
 */
class LoopSupervisorTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final RestartPolicy POLICY =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(4), 10, Duration.ofMinutes(10));

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final Instant t0 = clock.instant();
    private final List<String> threadNames = new ArrayList<>();
    private final ThreadStarter inline = (threadName, body) -> {
        threadNames.add(threadName);
        body.run();
    };
    private final CapturedLogs logs = CapturedLogs.of(LoopSupervisor.class);

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    private LoopSupervisor supervisor(FakeSleeper sleeper) {
        return new LoopSupervisor(sleeper, clock, inline);
    }

    @Test
    void loopThatThrowsOnEveryPassKeepsItsSchedule() {
        FakeSleeper sleeper = new FakeSleeper(clock, 5);
        LoopSupervisor supervisor = supervisor(sleeper);
        List<Instant> passes = new ArrayList<>();

        supervisor.start(new LoopSpec("dispatcher", () -> {
            passes.add(clock.instant());
            throw new IllegalStateException("outbox unreachable");
        }, INTERVAL, POLICY));

        assertThat(passes).containsExactly(t0, t0.plus(INTERVAL), t0.plus(INTERVAL.multipliedBy(2)),
                t0.plus(INTERVAL.multipliedBy(3)), t0.plus(INTERVAL.multipliedBy(4)));
        assertThat(sleeper.waits()).containsExactly(Collections.nCopies(5, INTERVAL).toArray(Duration[]::new));
        assertThat(logs.at(Level.ERROR)).hasSize(5).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).isEqualTo("loop pass failed loop=dispatcher");
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("outbox unreachable");
        });
        LoopState state = supervisor.states().get("dispatcher");
        assertThat(state.status()).isEqualTo(Status.STOPPED);
        assertThat(state.restarts()).isZero();
        assertThat(state.lastError()).isEqualTo("IllegalStateException: outbox unreachable");
        assertThat(state.lastPass()).isEqualTo(t0.plus(INTERVAL.multipliedBy(4)));
        assertThat(threadNames).containsExactly("dispatcher-0");
        assertThat(supervisor.healthy()).isTrue();
    }

    @Test
    void intervalRunsFromTheStartOfOnePassToTheStartOfTheNext() {
        FakeSleeper sleeper = new FakeSleeper(clock, 3);
        LoopSupervisor supervisor = supervisor(sleeper);

        supervisor.start(new LoopSpec("follow-ups", () -> {
            clock.advance(Duration.ofSeconds(10));
            return LoopOutcome.CONTINUE;
        }, INTERVAL, POLICY));

        assertThat(sleeper.waits()).containsExactly(
                Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20));
        assertThat(logs.at(Level.WARN)).filteredOn(e -> e.getFormattedMessage().contains("late")).isEmpty();
    }

    @Test
    void continueNowRunsTheNextPassAtOnce() {
        FakeSleeper sleeper = new FakeSleeper(clock, 1);
        LoopSupervisor supervisor = supervisor(sleeper);
        Deque<LoopOutcome> outcomes = new ArrayDeque<>(List.of(LoopOutcome.CONTINUE_NOW, LoopOutcome.CONTINUE_NOW));
        List<Instant> passes = new ArrayList<>();

        supervisor.start(new LoopSpec("telegram-poller", () -> {
            passes.add(clock.instant());
            return outcomes.isEmpty() ? LoopOutcome.CONTINUE : outcomes.poll();
        }, INTERVAL, POLICY));

        assertThat(passes).containsExactly(t0, t0, t0);
        assertThat(sleeper.waits()).containsExactly(INTERVAL);
    }

    @Test
    void deadLoopIsRestartedOnANewThreadWithExponentialBackoff() {
        FakeSleeper sleeper = new FakeSleeper(clock, 6);
        LoopSupervisor supervisor = supervisor(sleeper);
        Deque<Object> script = new ArrayDeque<>(List.of(
                new Error("one"), new Error("two"), new Error("three"), new Error("four"), new Error("five")));

        supervisor.start(new LoopSpec("scenarios", () -> next(script), INTERVAL, POLICY));

        // 1 s doubling, capped at 4 s; then the first interval wait is interrupted (the end of the test).
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4), INTERVAL);
        assertThat(threadNames).containsExactly(
                "scenarios-0", "scenarios-1", "scenarios-2", "scenarios-3", "scenarios-4", "scenarios-5");
        assertThat(logs.messagesAt(Level.ERROR)).hasSize(5)
                .allSatisfy(m -> assertThat(m).startsWith("loop thread died loop=scenarios"));
        LoopState state = supervisor.states().get("scenarios");
        assertThat(state.status()).isEqualTo(Status.STOPPED);
        assertThat(state.restarts()).isEqualTo(5);
        assertThat(state.lastError()).isEqualTo("Error: five");
        assertThat(supervisor.restarts()).isEqualTo(5);
        assertThat(supervisor.healthy()).isTrue();
    }

    @Test
    void aCompletedPassResetsTheBackoff() {
        FakeSleeper sleeper = new FakeSleeper(clock, 5);
        LoopSupervisor supervisor = supervisor(sleeper);
        Deque<Object> script = new ArrayDeque<>(List.of(
                new Error("a"), new Error("b"), LoopOutcome.CONTINUE, new Error("c")));

        supervisor.start(new LoopSpec("scenarios", () -> next(script), INTERVAL, POLICY));

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                INTERVAL, Duration.ofSeconds(1), INTERVAL);
    }

    @Test
    void fatalOutcomeStopsTheLoopForGoodAndTheSupervisorIsUnhealthy() {
        FakeSleeper sleeper = new FakeSleeper(clock, 10);
        LoopSupervisor supervisor = supervisor(sleeper);
        List<Instant> passes = new ArrayList<>();
        supervisor.start(new LoopSpec("heartbeat", () -> LoopOutcome.CONTINUE, INTERVAL, POLICY));

        supervisor.start(new LoopSpec("telegram-poller", () -> {
            passes.add(clock.instant());
            return LoopOutcome.fatal("telegram rejected the bot token (401)");
        }, INTERVAL, POLICY));

        assertThat(passes).hasSize(1);
        LoopState state = supervisor.states().get("telegram-poller");
        assertThat(state.status()).isEqualTo(Status.FATAL);
        assertThat(state.lastError()).isEqualTo("telegram rejected the bot token (401)");
        assertThat(supervisor.healthy()).isFalse();
        assertThat(logs.messagesAt(Level.ERROR)).containsExactly(
                "loop stopped for good, bot unhealthy loop=telegram-poller reason=telegram rejected the bot token (401)");
    }

    @Test
    void tooManyRestartsWithinTheWindowGiveUpAndMarkTheBotUnhealthy() {
        FakeSleeper sleeper = FakeSleeper.neverInterrupted(clock);
        LoopSupervisor supervisor = supervisor(sleeper);
        RestartPolicy threeInTenMinutes =
                new RestartPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 3, Duration.ofMinutes(10));

        supervisor.start(new LoopSpec("dispatcher", () -> {
            throw new OutOfMemoryError("boom");
        }, INTERVAL, threeInTenMinutes));

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        LoopState state = supervisor.states().get("dispatcher");
        assertThat(state.status()).isEqualTo(Status.FATAL);
        assertThat(state.restarts()).isEqualTo(3);
        assertThat(state.lastError()).startsWith("restarted too often (3 in PT10M)");
        assertThat(supervisor.healthy()).isFalse();
        assertThat(supervisor.restarts()).isEqualTo(3);
        assertThat(logs.messagesAt(Level.ERROR)).last().isEqualTo(
                "loop restarted too often, giving up, bot unhealthy loop=dispatcher restarts=3 window=PT10M");
    }

    @Test
    void restartsSpreadBeyondTheWindowDoNotUseUpTheBudget() {
        FakeSleeper sleeper = new FakeSleeper(clock, 8);
        LoopSupervisor supervisor = supervisor(sleeper);
        RestartPolicy oneInTwoMinutes =
                new RestartPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1), 1, Duration.ofMinutes(2));

        // Each pass takes two minutes of clock time before it dies: one restart per window at most.
        supervisor.start(new LoopSpec("follow-ups", () -> {
            clock.advance(Duration.ofMinutes(2));
            throw new Error("dies slowly");
        }, INTERVAL, oneInTwoMinutes));

        assertThat(sleeper.waits()).hasSize(8).containsOnly(Duration.ofMinutes(1));
        assertThat(supervisor.states().get("follow-ups").status()).isEqualTo(Status.STOPPED);
        assertThat(supervisor.healthy()).isTrue();
    }

    @Test
    void periodicLoopThatOverranRunsLateOnceAndLogsHowLate() {
        FakeSleeper sleeper = new FakeSleeper(clock, 2);
        LoopSupervisor supervisor = supervisor(sleeper);
        Deque<Duration> passLengths = new ArrayDeque<>(List.of(Duration.ofSeconds(45), Duration.ofSeconds(1)));
        List<Instant> passes = new ArrayList<>();

        supervisor.start(new LoopSpec("follow-ups", () -> {
            passes.add(clock.instant());
            clock.advance(passLengths.isEmpty() ? Duration.ZERO : passLengths.poll());
            return LoopOutcome.CONTINUE;
        }, INTERVAL, POLICY));

        // Pass 1 overran by 15 s: pass 2 runs at once, then the schedule counts from pass 2.
        assertThat(passes).containsExactly(t0, t0.plusSeconds(45), t0.plusSeconds(75));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(29), INTERVAL);
        assertThat(logs.messagesAt(Level.WARN)).filteredOn(m -> m.contains("late")).containsExactly(
                "loop ran late, previous pass overran loop=follow-ups late=PT15S interval=PT30S");
    }

    @Test
    void aLoopNameIsSupervisedOnce() {
        LoopSupervisor supervisor = supervisor(FakeSleeper.neverInterrupted(clock));
        supervisor.start(new LoopSpec("poller", () -> LoopOutcome.fatal("done"), INTERVAL, POLICY));

        assertThatThrownBy(() -> supervisor.start(new LoopSpec("poller", () -> LoopOutcome.CONTINUE, INTERVAL)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noLoopStartsAfterStop() {
        LoopSupervisor supervisor = supervisor(FakeSleeper.neverInterrupted(clock));

        assertThat(supervisor.stop(Duration.ZERO)).isEmpty();
        assertThatThrownBy(() -> supervisor.start(new LoopSpec("poller", () -> LoopOutcome.CONTINUE, INTERVAL)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(threadNames).isEmpty();
    }

    @Test
    void restartPolicyDoublesTheBackoffUpToItsCap() {
        assertThat(RestartPolicy.DEFAULT.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RestartPolicy.DEFAULT.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RestartPolicy.DEFAULT.backoff(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RestartPolicy.DEFAULT.backoff(1_000)).isEqualTo(Duration.ofMinutes(1));
    }

    /** The next scripted pass: throws a scripted Throwable, returns a scripted outcome, or CONTINUE. */
    private static LoopOutcome next(Deque<Object> script) throws Exception {
        Object next = script.poll();
        if (next instanceof Error error) {
            throw error;
        }
        if (next instanceof Exception exception) {
            throw exception;
        }
        return next == null ? LoopOutcome.CONTINUE : (LoopOutcome) next;
    }
}
