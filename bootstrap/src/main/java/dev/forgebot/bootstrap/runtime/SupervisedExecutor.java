package dev.forgebot.bootstrap.runtime;

import dev.forgebot.application.port.out.BackgroundTasks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link BackgroundTasks}: each task on a new virtual thread named
 * {@code name + "-" + sequence}, held in a live registry (name, thread, start time) until it ends.
 *
 * <p><b>Failure behaviour.</b> A task that throws is logged at ERROR with its name and stack trace
 * and counted as failed; nothing escapes to the thread's uncaught-exception handler. A launch after
 * {@link #shutdown(Duration)} is refused: logged at WARN with the task's name, counted as refused,
 * and {@code launch} returns false.
 *
 * <p><b>Shutdown.</b> {@link #shutdown(Duration)} stops intake, waits on a completion signal (no
 * polling) up to the grace period for running tasks, interrupts the rest, waits a short,
 * configurable time for them to end, and returns a {@link ShutdownReport} naming the tasks that did
 * not finish in time (also logged at WARN). It registers no JVM shutdown hook: wiring does that.
 *
 * <p><b>Thread-safety.</b> Thread-safe: {@code launch}, {@code counts}, {@code running} and
 * {@code shutdown} may be called from any thread at any time.
 */
public final class SupervisedExecutor implements BackgroundTasks, AutoCloseable {

    /** The grace period {@link #close()} gives running tasks. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /** How long shutdown waits for interrupted tasks to end, unless configured otherwise. */
    public static final Duration DEFAULT_INTERRUPT_WAIT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(SupervisedExecutor.class);

    private final Clock clock;
    private final Duration interruptWait;
    private final ThreadStarter threads;

    /** Guards {@code accepting} against registration, and carries the "registry is empty" signal. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private boolean accepting = true;

    private final Map<Long, Entry> registry = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong launched = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /**
     * An executor whose shutdown waits {@link #DEFAULT_INTERRUPT_WAIT} for interrupted tasks.
     *
     * @param clock the time recorded as a task's start
     */
    public SupervisedExecutor(Clock clock) {
        this(clock, DEFAULT_INTERRUPT_WAIT);
    }

    /**
     * @param clock the time recorded as a task's start
     * @param interruptWait how long shutdown waits for tasks to end after interrupting them
     */
    public SupervisedExecutor(Clock clock, Duration interruptWait) {
        this(clock, interruptWait, ThreadStarter.VIRTUAL);
    }

    SupervisedExecutor(Clock clock, Duration interruptWait, ThreadStarter threads) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interruptWait = requireNotNegative(interruptWait, "interruptWait");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    @Override
    public boolean launch(String name, Task task) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a task needs a name");
        }
        long id;
        Entry entry;
        lock.lock();
        try {
            if (!accepting) {
                refused.incrementAndGet();
                log.warn("background task refused, executor is shut down task={}", name);
                return false;
            }
            id = sequence.incrementAndGet();
            entry = new Entry(new RunningTask(name, name + "-" + id, clock.instant()));
            registry.put(id, entry);
            launched.incrementAndGet();
        } finally {
            lock.unlock();
        }
        try {
            threads.start(entry.task.threadName(), () -> run(id, entry, task));
        } catch (RuntimeException | Error e) {
            // The thread could not be started (out of memory, say): the task never ran.
            launched.decrementAndGet();
            deregister(id);
            throw e;
        }
        return true;
    }

    private void run(long id, Entry entry, Task task) {
        entry.attach(Thread.currentThread());
        String name = entry.task.name();
        try {
            task.run();
            succeeded.incrementAndGet();
        } catch (InterruptedException e) {
            failed.incrementAndGet();
            if (entry.interruptRequested) {
                log.warn("background task interrupted at shutdown task={} thread={}", name, entry.task.threadName());
            } else {
                log.error("background task failed task={} thread={}", name, entry.task.threadName(), e);
            }
        } catch (Throwable t) {
            failed.incrementAndGet();
            log.error("background task failed task={} thread={}", name, entry.task.threadName(), t);
        } finally {
            deregister(id);
        }
    }

    private void deregister(long id) {
        registry.remove(id);
        if (registry.isEmpty()) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The counters now. */
    public TaskCounts counts() {
        return new TaskCounts(launched.get(), registry.size(), succeeded.get(), failed.get(), refused.get());
    }

    /** The tasks started and not yet ended, oldest launch first. A snapshot: it does not change later. */
    public List<RunningTask> running() {
        return snapshot(registry);
    }

    /** True once {@link #shutdown(Duration)} has been called: launches are refused from then on. */
    public boolean isShutdown() {
        lock.lock();
        try {
            return !accepting;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops intake and lets running tasks finish within {@code grace}; interrupts what is left, waits
     * up to the configured interrupt wait for it to end, and reports what did not finish in time.
     * Calling it again waits again for whatever is still running.
     *
     * <p>Returns after at most about {@code grace} plus the interrupt wait, whatever the tasks do.
     * An interrupt of the calling thread cuts the waits short and is kept as its interrupt status.
     *
     * @param grace how long running tasks may take before they are interrupted
     * @return the tasks interrupted, and of those the ones still running when it returned
     */
    public ShutdownReport shutdown(Duration grace) {
        requireNotNegative(grace, "grace");
        lock.lock();
        try {
            accepting = false;
        } finally {
            lock.unlock();
        }
        awaitIdle(grace);
        Map<Long, Entry> late = Map.copyOf(registry);
        if (late.isEmpty()) {
            log.info("background tasks finished at shutdown grace={}", grace);
            return new ShutdownReport(List.of(), List.of());
        }
        List<RunningTask> interrupted = snapshot(late);
        log.warn("background tasks did not finish within the grace period, interrupting grace={} tasks={}",
                grace, threadNames(interrupted));
        late.values().forEach(Entry::interrupt);
        awaitIdle(interruptWait);
        // Intake is closed, so whatever is registered now is a late task that has not ended.
        List<RunningTask> abandoned = running();
        if (!abandoned.isEmpty()) {
            log.warn("background tasks still running after interrupt, abandoning them wait={} tasks={}",
                    interruptWait, threadNames(abandoned));
        }
        return new ShutdownReport(interrupted, abandoned);
    }

    /** Shuts down with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        shutdown(DEFAULT_GRACE);
    }

    /** Waits until the registry is empty or {@code timeout} has passed, on the "idle" signal. */
    private void awaitIdle(Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!registry.isEmpty() && left > 0) {
                left = idle.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private static List<RunningTask> snapshot(Map<Long, Entry> entries) {
        List<Map.Entry<Long, Entry>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        return sorted.stream().map(e -> e.getValue().task).toList();
    }

    private static List<String> threadNames(List<RunningTask> tasks) {
        return tasks.stream().map(RunningTask::threadName).toList();
    }

    private static Duration requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
        return d;
    }

    /**
     * A registry entry. The thread is attached by the task's own thread when it starts; an interrupt
     * requested before that is delivered by the task's thread to itself. Both fields are volatile, so
     * either the interrupter sees the thread or the thread sees the request.
     */
    private static final class Entry {
        final RunningTask task;
        volatile Thread thread;
        volatile boolean interruptRequested;

        Entry(RunningTask task) {
            this.task = task;
        }

        void attach(Thread current) {
            thread = current;
            if (interruptRequested) {
                current.interrupt();
            }
        }

        void interrupt() {
            interruptRequested = true;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }
}
