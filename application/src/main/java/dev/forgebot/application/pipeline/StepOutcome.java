package dev.forgebot.application.pipeline;

import dev.forgebot.application.port.out.InboxState;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link PipelineStep} tells the pipeline to do next. Expected outcomes are values; I/O
 * failures are the storage exceptions, thrown.
 */
public sealed interface StepOutcome {

    /** Go on with the next step. */
    StepOutcome CONTINUE = new Continue();

    /** Go on with the next step. */
    record Continue() implements StepOutcome {
    }

    /**
     * Stop here: the entry is done, in {@code state} ({@code HANDLED} or {@code SKIPPED}).
     *
     * @param state the entry's final state
     */
    record Finish(InboxState state) implements StepOutcome {
        public Finish {
            Objects.requireNonNull(state, "state");
            if (state != InboxState.HANDLED && state != InboxState.SKIPPED) {
                throw new IllegalArgumentException("a step finishes an entry as HANDLED or SKIPPED, not " + state);
            }
        }
    }

    /**
     * Stop here and try the entry again after {@code after} (the channel asked to slow down).
     *
     * @param after  how long to wait at least
     * @param reason why, for the log and the entry's last error
     */
    record RetryLater(Duration after, String reason) implements StepOutcome {
        public RetryLater {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Stop here and give up on the entry: it will not work however often it is tried.
     *
     * @param reason why, for the log and the dead letter
     */
    record GiveUp(String reason) implements StepOutcome {
        public GiveUp {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
