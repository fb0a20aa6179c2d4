package dev.forgebot.bootstrap.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * A supervised loop's health, as last recorded. Immutable.
 *
 * @param status where the loop is
 * @param restarts how often its thread has been restarted
 * @param lastError the message of the last pass failure, thread death or fatal reason; null if none
 * @param lastPass when the last pass ended, by the supervisor's clock; null before the first
 */
public record LoopState(Status status, int restarts, String lastError, Instant lastPass) {

    public LoopState {
        Objects.requireNonNull(status, "status");
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must not be negative: " + restarts);
        }
    }

    /** Where a loop is. */
    public enum Status {
        /** Running passes or waiting between them. */
        RUNNING,
        /** Its thread died; waiting out the backoff before a new thread takes over. */
        RESTARTING,
        /** Stopped for good by a fatal outcome or too many restarts: the bot is unhealthy. */
        FATAL,
        /** Stopped on request (shutdown). */
        STOPPED
    }

    static LoopState initial() {
        return new LoopState(Status.RUNNING, 0, null, null);
    }

    LoopState with(Status newStatus) {
        return new LoopState(newStatus, restarts, lastError, lastPass);
    }

    LoopState withError(String message) {
        return new LoopState(status, restarts, message, lastPass);
    }

    LoopState withPass(Instant at) {
        return new LoopState(status, restarts, lastError, at);
    }

    LoopState restarted(String message) {
        return new LoopState(Status.RESTARTING, restarts + 1, message, lastPass);
    }
}
