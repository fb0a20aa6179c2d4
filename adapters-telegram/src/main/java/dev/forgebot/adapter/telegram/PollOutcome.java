package dev.forgebot.adapter.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * What one {@link TelegramUpdatePoller#pollOnce()} did: a closed set, matched exhaustively by the
 * loop that repeats it. Immutable.
 */
public sealed interface PollOutcome {

    /** The long poll ended without updates. */
    PollOutcome IDLE = new Idle();

    /**
     * Updates were fetched and stored in the inbox; the next poll confirms them at Telegram.
     *
     * @param fetched how many Telegram sent
     * @param stored  how many were new to the inbox (the rest were stored before, by an earlier run)
     */
    record Received(int fetched, int stored) implements PollOutcome {
        public Received {
            if (fetched < 1 || stored < 0 || stored > fetched) {
                throw new IllegalArgumentException("need 0 <= stored <= fetched and fetched >= 1, were " + stored
                        + " and " + fetched);
            }
        }
    }

    /** The long poll ended without updates. */
    record Idle() implements PollOutcome {
    }

    /**
     * The poll failed in a way that may pass (Telegram unreachable or overloaded, flood control, the
     * inbox not writable); the poller already waited and nothing was confirmed.
     *
     * @param waited how long it waited
     */
    record BackedOff(Duration waited) implements PollOutcome {
        public BackedOff {
            Objects.requireNonNull(waited, "waited");
            if (waited.isNegative()) {
                throw new IllegalArgumentException("waited cannot be negative, was " + waited);
            }
        }
    }

    /**
     * A fault no retry fixes (a wrong token or API URL, a webhook set or a second poller): the loop
     * must stop and the bot report itself unhealthy.
     *
     * @param reason why, for logs and health; never a secret
     */
    record Fatal(String reason) implements PollOutcome {
        public Fatal {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a fatal outcome needs a reason");
            }
        }
    }
}
