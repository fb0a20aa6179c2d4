package dev.forgebot.application.port.out;

import dev.forgebot.domain.lead.ChatId;
import java.util.Objects;

/**
 * A message for the channel to send.
 *
 * @param chatId   where to
 * @param text     the text, not empty: plain, or markup as {@code format} says
 * @param keyboard an optional reply keyboard
 * @param format   how the channel reads {@code text}
 */
public record OutboundMessage(ChatId chatId, String text, ReplyKeyboard keyboard, Format format) {

    public OutboundMessage {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(keyboard, "keyboard");
        Objects.requireNonNull(format, "format");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an outbound message needs text");
        }
    }

    /** A plain-text message. */
    public OutboundMessage(ChatId chatId, String text, ReplyKeyboard keyboard) {
        this(chatId, text, keyboard, Format.PLAIN);
    }

    /** Plain text with no keyboard. */
    public static OutboundMessage text(ChatId chatId, String text) {
        return new OutboundMessage(chatId, text, ReplyKeyboard.NONE);
    }

    @Override
    public String toString() {
        return "OutboundMessage[chat=" + chatId + ", length=" + text.length() + ", keyboard=" + keyboard + ", format="
                + format + "]";
    }

    /** How a channel reads a message's text. */
    public enum Format {
        /** Plain text, shown as it is. */
        PLAIN,
        /**
         * Telegram's HTML subset ({@code <b> <i> <u> <s> <code> <pre> <a href>}), with {@code &}, {@code <}
         * and {@code >} in the text escaped as entities. Channels without markup show the text with the
         * tags removed and the entities decoded.
         */
        HTML
    }

    /** Keyboards the bot offers. */
    public enum ReplyKeyboard {
        /** No keyboard; removes one shown before. */
        NONE,
        /** A button that shares the customer's phone number. */
        REQUEST_CONTACT
    }
}
