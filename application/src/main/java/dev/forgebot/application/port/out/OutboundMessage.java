package dev.forgebot.application.port.out;

import dev.forgebot.domain.lead.ChatId;
import java.util.Objects;

/**
 * A message for the channel to send.
 *
 * @param chatId   where to
 * @param text     plain text, not empty
 * @param keyboard an optional reply keyboard
 */
public record OutboundMessage(ChatId chatId, String text, ReplyKeyboard keyboard) {

    public OutboundMessage {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(keyboard, "keyboard");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an outbound message needs text");
        }
    }

    /** Plain text with no keyboard. */
    public static OutboundMessage text(ChatId chatId, String text) {
        return new OutboundMessage(chatId, text, ReplyKeyboard.NONE);
    }

    @Override
    public String toString() {
        return "OutboundMessage[chat=" + chatId + ", length=" + text.length() + ", keyboard=" + keyboard + "]";
    }

    /** Keyboards the bot offers. */
    public enum ReplyKeyboard {
        /** No keyboard; removes one shown before. */
        NONE,
        /** A button that shares the customer's phone number. */
        REQUEST_CONTACT
    }
}
