package dev.forgebot.adapter.telegram;

/**
 * Telegram's flood limits as the messenger keeps them; each is a count per window, and 0 switches that
 * limit off (load tests, a local Bot API server).
 *
 * @param perChatPerSecond  messages per second to one chat (Telegram: about 1)
 * @param perGroupPerMinute messages per minute to one group, supergroup or channel, a chat with a
 *                          negative id (Telegram: 20)
 * @param globalPerSecond   messages per second over all chats (Telegram: about 30)
 */
public record FloodLimits(int perChatPerSecond, int perGroupPerMinute, int globalPerSecond) {

    /** The limits Telegram documents: 1 per second per chat, 20 per minute per group, 30 per second. */
    public static final FloodLimits TELEGRAM_DEFAULTS = new FloodLimits(1, 20, 30);

    /** No limits at all. */
    public static final FloodLimits OFF = new FloodLimits(0, 0, 0);

    public FloodLimits {
        requireNotNegative("perChatPerSecond", perChatPerSecond);
        requireNotNegative("perGroupPerMinute", perGroupPerMinute);
        requireNotNegative("globalPerSecond", globalPerSecond);
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 (off) or more, was " + value);
        }
    }
}
