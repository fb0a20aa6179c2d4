package dev.forgebot.adapter.telegram.api;

import dev.forgebot.adapter.telegram.dto.Update;
import java.util.Objects;

/**
 * One element of a {@code getUpdates} answer or a webhook delivery: parsed, or malformed (its JSON did
 * not fit the expected shape). A malformed update still has its id, so it can be confirmed and stored
 * as skipped; one bad update never stops the others.
 */
public sealed interface ReceivedUpdate {

    /** The update's id. */
    long updateId();

    /** An update read into {@link Update}. */
    record Parsed(Update update) implements ReceivedUpdate {
        public Parsed {
            Objects.requireNonNull(update, "update");
        }

        @Override
        public long updateId() {
            return update.updateId();
        }
    }

    /**
     * An update whose payload could not be read.
     *
     * @param updateId its id
     * @param problem  what was wrong, for the log (never the payload itself)
     */
    record Malformed(long updateId, String problem) implements ReceivedUpdate {
        public Malformed {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
