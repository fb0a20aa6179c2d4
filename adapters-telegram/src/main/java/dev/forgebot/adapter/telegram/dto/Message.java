package dev.forgebot.adapter.telegram.dto;

import java.util.List;

/**
 * A message ({@code Message}), with the fields forgebot reads; unknown fields are ignored.
 *
 * @param messageId       id within its chat
 * @param from            the sender, or null (channel posts)
 * @param chat            the chat it belongs to
 * @param date            Unix time it was sent
 * @param text            the text, or null
 * @param caption         a file's caption, or null
 * @param contact         a shared contact card, or null
 * @param document        an attached file, or null
 * @param photo           the sizes of an attached photo, or null
 * @param replyToMessage  the message this one replies to, or null
 * @param migrateToChatId set in a group's service message when it became this supergroup, or null
 * @param migrateFromChatId set in a supergroup's service message naming the group it was, or null
 */
public record Message(
        long messageId,
        User from,
        Chat chat,
        long date,
        String text,
        String caption,
        Contact contact,
        Document document,
        List<PhotoSize> photo,
        Message replyToMessage,
        Long migrateToChatId,
        Long migrateFromChatId) {

    @Override
    public String toString() {
        return "Message[id=" + messageId + ", chat=" + (chat == null ? null : chat.id()) + "]";
    }
}
