package dev.forgebot.adapter.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TelegramMessenger} paces and waits.
 *
 * @param floodLimits   the flood limits to keep
 * @param maxInlineWait the longest the messenger waits within one send (for a flood slot or a 429's
 *                      {@code retry_after}); a longer wait is returned as
 *                      {@link dev.forgebot.application.port.out.SendResult.RateLimited} so the caller
 *                      retries later instead of holding a worker
 */
public record MessengerSettings(FloodLimits floodLimits, Duration maxInlineWait) {

    /** Telegram's limits, waiting in line up to 30 s. */
    public static final MessengerSettings DEFAULTS = new MessengerSettings(FloodLimits.TELEGRAM_DEFAULTS,
            Duration.ofSeconds(30));

    public MessengerSettings {
        Objects.requireNonNull(floodLimits, "floodLimits");
        Objects.requireNonNull(maxInlineWait, "maxInlineWait");
        if (maxInlineWait.isNegative()) {
            throw new IllegalArgumentException("maxInlineWait must not be negative, was " + maxInlineWait);
        }
    }
}
