package dev.forgebot.bootstrap.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LoopSupervisor} restarts a loop whose thread died (an {@link Error} escaped a pass).
 * Immutable; validated at construction.
 *
 * <p>The n-th restart in a row waits {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff};
 * a pass that completes resets the row. A loop that would be restarted more than
 * {@code maxRestarts} times within {@code window} is given up: FATAL, and the bot unhealthy.
 *
 * @param initialBackoff the wait before the first restart in a row
 * @param maxBackoff the longest wait before a restart
 * @param maxRestarts restarts allowed within {@code window}
 * @param window the sliding window the restarts are counted in
 */
public record RestartPolicy(Duration initialBackoff, Duration maxBackoff, int maxRestarts, Duration window) {

    /** 1 s doubling to 1 min; at most 5 restarts in 10 min. */
    public static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 5, Duration.ofMinutes(10));

    public RestartPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(window, "window");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "backoff must satisfy 0 <= initial <= max: " + initialBackoff + ", " + maxBackoff);
        }
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must not be negative: " + maxRestarts);
        }
        if (!window.isPositive()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    /**
     * The wait before restart number {@code inARow} of an unbroken row of deaths.
     *
     * @param inARow 1 for the first restart since the last completed pass
     */
    public Duration backoff(int inARow) {
        if (inARow < 1) {
            throw new IllegalArgumentException("inARow starts at 1: " + inARow);
        }
        Duration wait = initialBackoff;
        for (int i = 1; i < inARow && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
