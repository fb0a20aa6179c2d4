package dev.forgebot.bootstrap.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * A loop for the {@link LoopSupervisor} to run. Immutable; validated at construction.
 *
 * @param name what it is (e.g. {@code telegram-poller}): thread names, logs, health
 * @param body one pass
 * @param interval from the start of one pass to the start of the next, when the pass returns
 *     {@link LoopOutcome.Continue}; zero runs passes back to back
 * @param restartPolicy how the loop is restarted when its thread dies
 */
public record LoopSpec(String name, LoopBody body, Duration interval, RestartPolicy restartPolicy) {

    public LoopSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a loop needs a name");
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
    }

    /** A loop restarted under {@link RestartPolicy#DEFAULT}. */
    public LoopSpec(String name, LoopBody body, Duration interval) {
        this(name, body, interval, RestartPolicy.DEFAULT);
    }
}
