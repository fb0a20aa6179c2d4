package dev.forgebot.bootstrap.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SupervisedExecutor#shutdown(java.time.Duration)} found. Immutable.
 *
 * @param interrupted tasks that had not finished within the grace period and were interrupted
 * @param abandoned of those, the tasks still running after the short wait that follows the interrupt
 *     (they ignore interrupts; the executor no longer waits for them)
 */
public record ShutdownReport(List<RunningTask> interrupted, List<RunningTask> abandoned) {

    public ShutdownReport {
        interrupted = List.copyOf(Objects.requireNonNull(interrupted, "interrupted"));
        abandoned = List.copyOf(Objects.requireNonNull(abandoned, "abandoned"));
        if (!interrupted.containsAll(abandoned)) {
            throw new IllegalArgumentException("an abandoned task was interrupted first");
        }
    }

    /** True if every task finished within the grace period. */
    public boolean finishedInTime() {
        return interrupted.isEmpty();
    }

    /** The names of the tasks that did not finish in time, in the order they were launched. */
    public List<String> unfinishedNames() {
        return interrupted.stream().map(RunningTask::name).toList();
    }
}
