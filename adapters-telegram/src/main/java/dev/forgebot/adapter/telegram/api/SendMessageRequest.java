package dev.forgebot.adapter.telegram.api;

import java.util.Objects;

/**
 * The arguments of one {@code sendMessage} call.
 *
 * @param chatId   the chat
 * @param text     1..4096 characters after entity parsing
 * @param html     whether {@code text} is Telegram HTML ({@code parse_mode=HTML}); plain text otherwise
 * @param keyboard which reply markup to attach
 */
public record SendMessageRequest(long chatId, String text, boolean html, Keyboard keyboard) {

    public SendMessageRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(keyboard, "keyboard");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a message needs text");
        }
    }

    @Override
    public String toString() {
        return "SendMessageRequest[chat=" + chatId + ", length=" + text.length() + ", html=" + html + ", keyboard="
                + keyboard + "]";
    }

    /** Reply markup. */
    public enum Keyboard {
        /** No {@code reply_markup}. */
        NONE,
        /** {@code ReplyKeyboardRemove}: hides a keyboard shown before. */
        REMOVE,
        /** A one-time, resized reply keyboard with one {@code request_contact} button. */
        REQUEST_CONTACT
    }
}
