package dev.forgebot.domain.lead;

/**
 * A chat on a channel, as the channel numbers it (Telegram chat ids are 64-bit and negative for
 * groups; the terminal channel uses a fixed local id).
 *
 * @param value the channel's chat id
 */
public record ChatId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
