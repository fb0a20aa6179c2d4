package dev.forgebot.adapter.telegram.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bot's token, a secret: it is part of every Bot API path, so it is kept out of every log line,
 * exception message and {@code toString}; only {@link #reveal()} gives it out, for the one place that
 * writes it onto the wire. Immutable.
 */
public final class BotToken {

    /** {@code <bot id>:<secret>}, as BotFather issues it. */
    private static final Pattern FORMAT = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");

    private final String value;

    private BotToken(String value) {
        this.value = value;
    }

    /**
     * Wraps a token.
     *
     * @throws IllegalArgumentException if it does not look like a bot token (the message never
     *                                  repeats the value)
     */
    public static BotToken of(String value) {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a bot token looks like 123456789:AA... (digits, a colon, 20-100 letters, digits, _ or -)");
        }
        return new BotToken(value);
    }

    /** The bot's numeric id, the part before the colon; not secret. */
    public long botId() {
        return Long.parseLong(value.substring(0, value.indexOf(':')));
    }

    /** The token itself, for the wire only. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BotToken other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "BotToken[" + botId() + ":****]";
    }
}
