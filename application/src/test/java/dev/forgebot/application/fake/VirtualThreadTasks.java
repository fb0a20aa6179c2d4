package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.BackgroundTasks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link BackgroundTasks} for tests: each task on its own virtual thread, failures collected rather
 * than logged, and a way to wait until every task has ended. Thread-safe.
 */
public final class VirtualThreadTasks implements BackgroundTasks {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger launched = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> names = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean shutDown = new AtomicBoolean();
    private final Object idle = new Object();

    @Override
    public boolean launch(String name, Task task) {
        if (shutDown.get()) {
            return false;
        }
        running.incrementAndGet();
        launched.incrementAndGet();
        names.add(name);
        Thread.ofVirtual().name(name).start(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                failures.add(t);
            } finally {
                if (running.decrementAndGet() == 0) {
                    synchronized (idle) {
                        idle.notifyAll();
                    }
                }
            }
        });
        return true;
    }

    /**
     * Waits until no task is running.
     *
     * @throws AssertionError if tasks are still running after {@code timeout}
     */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(running.get() + " background tasks still running after " + timeout);
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
    }

    /** Refuses launches from now on. */
    public void shutDown() {
        shutDown.set(true);
    }

    /** Exceptions thrown by tasks so far. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** Names of the tasks launched so far. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** Number of tasks launched so far. */
    public int launched() {
        return launched.get();
    }
}
