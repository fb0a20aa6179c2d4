package dev.forgebot.adapter.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the {@link TelegramUpdatePoller} polls. Immutable; validated at construction.
 *
 * @param longPollTimeout how long Telegram may hold a {@code getUpdates} open, 0..50 s (Telegram caps
 *                        it at 50 s; 0 is short polling, for tests). The HTTP client's read timeout
 *                        must be longer.
 * @param limit           updates per {@code getUpdates}, 1..100
 * @param allowedUpdates  the update types asked for; always sent, since Telegram keeps the last list
 * @param backoffStart    the first wait after a failed poll; doubles per failure in a row
 * @param backoffMax      the longest wait after failed polls
 */
public record PollerSettings(Duration longPollTimeout, int limit, List<String> allowedUpdates, Duration backoffStart,
        Duration backoffMax) {

    /** The longest long-poll Telegram honours. */
    public static final Duration MAX_LONG_POLL_TIMEOUT = Duration.ofSeconds(50);

    /** The update types forgebot reads. */
    public static final List<String> DEFAULT_ALLOWED_UPDATES =
            List.of("message", "edited_message", "callback_query", "my_chat_member");

    public PollerSettings {
        Objects.requireNonNull(longPollTimeout, "longPollTimeout");
        Objects.requireNonNull(backoffStart, "backoffStart");
        Objects.requireNonNull(backoffMax, "backoffMax");
        allowedUpdates = List.copyOf(Objects.requireNonNull(allowedUpdates, "allowedUpdates"));
        if (longPollTimeout.isNegative() || longPollTimeout.compareTo(MAX_LONG_POLL_TIMEOUT) > 0
                || longPollTimeout.toMillisPart() != 0) {
            throw new IllegalArgumentException("longPollTimeout must be whole seconds within 0..50 s, was " + longPollTimeout);
        }
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1..100, was " + limit);
        }
        if (!backoffStart.isPositive() || backoffMax.compareTo(backoffStart) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 < backoffStart <= backoffMax, were "
                    + backoffStart + " and " + backoffMax);
        }
    }

    /** Long polls of 25 s, 100 updates at most, the four types forgebot reads, backoff 1 s doubling to 60 s. */
    public static PollerSettings defaults() {
        return new PollerSettings(Duration.ofSeconds(25), 100, DEFAULT_ALLOWED_UPDATES, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }
}
