package dev.forgebot.application.port.out;

import java.time.Duration;
import java.util.Objects;

/** What became of a message the bot tried to send. */
public sealed interface SendResult {

    /**
     * Delivered to the channel.
     *
     * @param messageRef the channel's reference of the message, so a reply to it can be recognised
     */
    record Sent(String messageRef) implements SendResult {
        public Sent {
            Objects.requireNonNull(messageRef, "messageRef");
        }
    }

    /** The customer blocked the bot. */
    record Blocked() implements SendResult {
    }

    /** The chat no longer exists or the bot was removed from it. */
    record ChatGone() implements SendResult {
    }

    /**
     * The channel asked to slow down; nothing was sent.
     *
     * @param retryAfter how long to wait before sending to this chat again
     */
    record RateLimited(Duration retryAfter) implements SendResult {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * The channel refused the message for good (malformed, too long after splitting, ...).
     *
     * @param reason the channel's reason, safe to log
     */
    record Rejected(String reason) implements SendResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
