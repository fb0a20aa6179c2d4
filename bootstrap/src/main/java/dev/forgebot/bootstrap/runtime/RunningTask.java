package dev.forgebot.bootstrap.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * A task that a {@link SupervisedExecutor} has started and not yet seen end. Immutable.
 *
 * @param name the name it was launched under (e.g. {@code enrich-lead})
 * @param threadName the name of its thread: {@code name + "-" + sequence}, unique per executor
 * @param startedAt when it was launched, by the executor's clock
 */
public record RunningTask(String name, String threadName, Instant startedAt) {

    public RunningTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(threadName, "threadName");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
