package dev.forgebot.adapter.telegram;

import java.time.Duration;

/**
 * Told about every 429 the messenger got, with the scope it paused, for metrics. Called on the
 * sending thread; must be quick and must not throw. Implementations are thread-safe.
 */
@FunctionalInterface
public interface RateLimitObserver {

    /** Observes nothing. */
    RateLimitObserver NONE = (scope, retryAfter) -> { };

    /**
     * A 429 paused {@code scope} for {@code retryAfter}.
     */
    void rateLimited(Scope scope, Duration retryAfter);

    /** What a 429 paused. */
    enum Scope {
        /** One private chat. */
        CHAT,
        /** One group (its chat). */
        GROUP,
        /** Every chat: 429s came for several chats at once. */
        ALL
    }
}
