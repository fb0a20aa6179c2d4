package dev.forgebot.bootstrap.runtime;

import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.bootstrap.runtime.LoopState.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named loops (poller, dispatcher, follow-ups, scenarios), each on its own virtual thread
 * named {@code name + "-" + generation}, and keeps them going.
 *
 * <p><b>Schedule.</b> After a pass that returns {@link LoopOutcome.Continue}, the next pass starts
 * one interval after this one started; {@link LoopOutcome.ContinueNow} runs the next pass at once.
 * A pass that overran its interval makes the next one run late, at once, once: the lateness is
 * logged at WARN and the schedule restarts from that pass (missed passes are not caught up). All
 * waiting goes through the injected {@link Sleeper} and all time through the injected {@link Clock}.
 *
 * <p><b>Failure behaviour.</b> An exception in a pass is logged at ERROR with the loop's name and the
 * loop keeps its schedule. An {@link Error} escaping a pass kills the loop's thread: it is logged at
 * ERROR and a new thread takes over after an exponential backoff ({@link RestartPolicy}). More
 * restarts within the policy's window than it allows are logged at ERROR and stop the loop as FATAL.
 * A {@link LoopOutcome.Fatal} outcome stops the loop for good, FATAL. Any FATAL loop makes
 * {@link #healthy()} false. An interrupt (see {@link #stop(Duration)}) ends a loop as STOPPED.
 *
 * <p><b>Thread-safety.</b> Thread-safe. Each loop's state is written by the one thread that runs it
 * at a time and read through immutable {@link LoopState} snapshots. It registers no JVM shutdown
 * hook: wiring does that.
 */
public final class LoopSupervisor implements AutoCloseable {

    /** The grace period {@link #close()} gives the loops. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(LoopSupervisor.class);

    private final Sleeper sleeper;
    private final Clock clock;
    private final ThreadStarter threads;
    private final Map<String, Loop> loops = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean stopping;

    /**
     * @param sleeper how loops wait between passes and before restarts
     * @param clock the time passes are scheduled and restarts counted by
     */
    public LoopSupervisor(Sleeper sleeper, Clock clock) {
        this(sleeper, clock, ThreadStarter.VIRTUAL);
    }

    LoopSupervisor(Sleeper sleeper, Clock clock, ThreadStarter threads) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /**
     * Starts a loop on a new virtual thread.
     *
     * @throws IllegalArgumentException if a loop of that name was started before
     * @throws IllegalStateException if the supervisor is stopping
     */
    public void start(LoopSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Loop loop = new Loop(spec);
        synchronized (loops) {
            if (stopping) {
                throw new IllegalStateException("the supervisor is stopping; not starting loop " + spec.name());
            }
            if (loops.putIfAbsent(spec.name(), loop) != null) {
                throw new IllegalArgumentException("a loop named " + spec.name() + " is already supervised");
            }
        }
        log.info("loop starting loop={} interval={}", spec.name(), spec.interval());
        startGeneration(loop, null);
    }

    /** Each loop's state, in the order they were started. A snapshot. */
    public Map<String, LoopState> states() {
        Map<String, LoopState> states = new LinkedHashMap<>();
        synchronized (loops) {
            loops.forEach((name, loop) -> states.put(name, loop.state.get()));
        }
        return Collections.unmodifiableMap(states);
    }

    /** False once any loop is FATAL (a fatal outcome, or restarted too often). */
    public boolean healthy() {
        return states().values().stream().noneMatch(s -> s.status() == Status.FATAL);
    }

    /** Thread restarts across all loops since the supervisor was created, for metrics. */
    public long restarts() {
        return restarts.get();
    }

    /**
     * Interrupts every loop and waits up to {@code grace} for them to end. Loops cannot be started
     * afterwards. Returns after at most about {@code grace}; an interrupt of the calling thread cuts
     * the wait short and is kept as its interrupt status.
     *
     * @return the names of the loops still running when it returned (logged at WARN); empty if all ended
     */
    public List<String> stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        List<Loop> all;
        synchronized (loops) {
            stopping = true;
            all = new ArrayList<>(loops.values());
        }
        all.forEach(Loop::requestStop);
        long deadline = System.nanoTime() + Math.max(0, grace.toNanos());
        List<String> stillRunning = new ArrayList<>();
        boolean interrupted = false;
        for (Loop loop : all) {
            try {
                if (!interrupted && loop.ended.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (loop.ended.getCount() > 0) {
                stillRunning.add(loop.spec.name());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (stillRunning.isEmpty()) {
            log.info("loops stopped count={}", all.size());
        } else {
            log.warn("loops did not stop within the grace period grace={} loops={}", grace, stillRunning);
        }
        return List.copyOf(stillRunning);
    }

    /**
     * Interrupts one loop and waits up to {@code grace} for it to end; the others go on. Used to stop
     * a channel's intake (the poller) before the rest of the bot drains.
     *
     * @return true if it ended (or no loop has that name), false if it was still running at the deadline
     */
    public boolean stopLoop(String name, Duration grace) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(grace, "grace");
        Loop loop = loops.get(name);
        if (loop == null) {
            return true;
        }
        loop.requestStop();
        try {
            boolean ended = loop.ended.await(Math.max(0, grace.toNanos()), TimeUnit.NANOSECONDS);
            if (!ended) {
                log.warn("loop did not stop within the grace period loop={} grace={}", name, grace);
            }
            return ended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return loop.ended.getCount() == 0;
        }
    }

    /** Stops with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    private void startGeneration(Loop loop, Duration backoff) {
        int generation = loop.generations++;
        threads.start(loop.spec.name() + "-" + generation, () -> runGeneration(loop, backoff));
    }

    /** The whole life of one thread of a loop: backoff, passes, and how it ends. */
    private void runGeneration(Loop loop, Duration backoff) {
        String name = loop.spec.name();
        try {
            if (!loop.attach(Thread.currentThread())) {
                loop.end(Status.STOPPED);
                return;
            }
            if (backoff != null) {
                sleeper.sleep(backoff);
                loop.update(s -> s.with(Status.RUNNING));
                log.info("loop restarted loop={} thread={}", name, Thread.currentThread().getName());
            }
            runPasses(loop);
        } catch (InterruptedException e) {
            if (!loop.stopRequested) {
                log.warn("loop interrupted without a stop request, stopping it loop={}", name);
            }
            loop.end(Status.STOPPED);
        } catch (Throwable t) {
            if (loop.stopRequested) {
                loop.end(Status.STOPPED);
            } else {
                onDeath(loop, t);
            }
        }
    }

    /** Runs passes until a fatal outcome or a stop request; an interrupt or an Error ends it abruptly. */
    private void runPasses(Loop loop) throws InterruptedException {
        LoopSpec spec = loop.spec;
        while (!loop.stopRequested) {
            Instant started = clock.instant();
            LoopOutcome outcome;
            try {
                outcome = spec.body().runOnce();
                Objects.requireNonNull(outcome, "a loop pass returned no outcome");
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.error("loop pass failed loop={}", spec.name(), e);
                loop.update(s -> s.withError(describe(e)));
                outcome = LoopOutcome.CONTINUE;
            }
            Instant ended = clock.instant();
            loop.update(s -> s.withPass(ended));
            loop.deathsInARow = 0;
            if (loop.stopRequested && !(outcome instanceof LoopOutcome.Fatal)) {
                // The pass may have swallowed the interrupt: do not wait for a next pass that will not come.
                break;
            }
            switch (outcome) {
                case LoopOutcome.Continue c -> waitForNextPass(spec, started.plus(spec.interval()));
                case LoopOutcome.ContinueNow n -> {
                    // next pass at once
                }
                case LoopOutcome.Fatal fatal -> {
                    log.error("loop stopped for good, bot unhealthy loop={} reason={}", spec.name(), fatal.reason());
                    loop.update(s -> s.withError(fatal.reason()));
                    loop.end(Status.FATAL);
                    return;
                }
            }
        }
        loop.end(Status.STOPPED);
    }

    private void waitForNextPass(LoopSpec spec, Instant due) throws InterruptedException {
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            sleeper.sleep(Duration.between(now, due));
        } else if (now.isAfter(due)) {
            log.warn("loop ran late, previous pass overran loop={} late={} interval={}",
                    spec.name(), Duration.between(due, now), spec.interval());
        }
    }

    /** The loop's thread is dying of {@code cause}: restart it after a backoff, or give up. */
    private void onDeath(Loop loop, Throwable cause) {
        LoopSpec spec = loop.spec;
        RestartPolicy policy = spec.restartPolicy();
        Instant now = clock.instant();
        log.error("loop thread died loop={} thread={}", spec.name(), Thread.currentThread().getName(), cause);
        Instant windowStart = now.minus(policy.window());
        while (!loop.restartTimes.isEmpty() && !loop.restartTimes.peekFirst().isAfter(windowStart)) {
            loop.restartTimes.removeFirst();
        }
        if (loop.restartTimes.size() >= policy.maxRestarts()) {
            log.error("loop restarted too often, giving up, bot unhealthy loop={} restarts={} window={}",
                    spec.name(), loop.restartTimes.size(), policy.window(), cause);
            loop.update(s -> s.withError("restarted too often (" + loop.restartTimes.size() + " in "
                    + policy.window() + "); last: " + describe(cause)));
            loop.end(Status.FATAL);
            return;
        }
        loop.restartTimes.addLast(now);
        loop.deathsInARow++;
        Duration backoff = policy.backoff(loop.deathsInARow);
        restarts.incrementAndGet();
        loop.update(s -> s.restarted(describe(cause)));
        log.warn("loop restarting loop={} inARow={} backoff={}", spec.name(), loop.deathsInARow, backoff);
        if (loop.stopRequested) {
            loop.end(Status.STOPPED);
            return;
        }
        startGeneration(loop, backoff);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /**
     * One supervised loop. Its generations run one after another (each started by the one dying), so
     * the fields below other than the volatile ones are only touched by one thread at a time, and
     * {@link Thread#start()} orders them between generations.
     */
    private static final class Loop {
        final LoopSpec spec;
        final AtomicReference<LoopState> state = new AtomicReference<>(LoopState.initial());
        final CountDownLatch ended = new CountDownLatch(1);
        final Deque<Instant> restartTimes = new ArrayDeque<>();
        final ReentrantLock lock = new ReentrantLock();
        int generations;
        int deathsInARow;
        volatile boolean stopRequested;
        private Thread thread;

        Loop(LoopSpec spec) {
            this.spec = spec;
        }

        /** Makes {@code current} the loop's thread; false if a stop was requested first. */
        boolean attach(Thread current) {
            lock.lock();
            try {
                thread = current;
                return !stopRequested;
            } finally {
                lock.unlock();
            }
        }

        void requestStop() {
            lock.lock();
            try {
                stopRequested = true;
                if (thread != null) {
                    thread.interrupt();
                }
            } finally {
                lock.unlock();
            }
        }

        void update(java.util.function.UnaryOperator<LoopState> change) {
            state.updateAndGet(change);
        }

        void end(Status status) {
            if (status == Status.STOPPED && state.get().status() == Status.FATAL) {
                ended.countDown();
                return;
            }
            state.updateAndGet(s -> s.with(status));
            ended.countDown();
        }
    }
}
