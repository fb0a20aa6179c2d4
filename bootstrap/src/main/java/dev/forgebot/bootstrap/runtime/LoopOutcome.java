package dev.forgebot.bootstrap.runtime;

import java.util.Objects;

/**
 * What a {@link LoopBody} pass tells its supervisor to do next: a closed set, matched exhaustively.
 * Immutable.
 */
public sealed interface LoopOutcome {

    /** Run again when the interval since this pass started has passed. */
    LoopOutcome CONTINUE = new Continue();

    /** Run again at once (a poller that got work). */
    LoopOutcome CONTINUE_NOW = new ContinueNow();

    /** Stop for good and mark the bot unhealthy. */
    static LoopOutcome fatal(String reason) {
        return new Fatal(reason);
    }

    /** Run again when the interval since this pass started has passed. */
    record Continue() implements LoopOutcome {
    }

    /** Run again at once, without waiting for the interval. */
    record ContinueNow() implements LoopOutcome {
    }

    /**
     * Stop this loop for good and mark the bot unhealthy: a condition no retry fixes (a bad token,
     * another process polling the same bot).
     *
     * @param reason why, for logs and health; never a secret
     */
    record Fatal(String reason) implements LoopOutcome {
        public Fatal {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a fatal outcome needs a reason");
            }
        }
    }
}
