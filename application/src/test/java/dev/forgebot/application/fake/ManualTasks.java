package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.BackgroundTasks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@link BackgroundTasks} for deterministic unit tests: launched tasks wait in a queue until the
 * test runs them, on the test's own thread, in launch order. Failures are collected.
 * Not thread-safe: for single-threaded tests.
 */
public final class ManualTasks implements BackgroundTasks {

    private final Deque<Named> queue = new ArrayDeque<>();
    private final List<String> launchedNames = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private boolean shutDown;

    @Override
    public boolean launch(String name, Task task) {
        if (shutDown) {
            return false;
        }
        launchedNames.add(name);
        queue.add(new Named(name, task));
        return true;
    }

    /**
     * Runs queued tasks, including those they launch, until none is left.
     *
     * @return how many ran
     */
    public int runAll() {
        int ran = 0;
        while (!queue.isEmpty()) {
            Named next = queue.poll();
            ran++;
            try {
                next.task().run();
            } catch (Throwable t) {
                failures.add(t);
            }
        }
        return ran;
    }

    /** Tasks waiting to run. */
    public int queued() {
        return queue.size();
    }

    /** Names of all tasks launched so far, in order. */
    public List<String> launchedNames() {
        return List.copyOf(launchedNames);
    }

    /** What tasks threw so far. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** Refuses launches from now on. */
    public void shutDown() {
        shutDown = true;
    }

    private record Named(String name, Task task) {
    }
}
