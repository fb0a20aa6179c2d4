package dev.forgebot.adapter.telegram;

/**
 * The reference of a Telegram message, {@code <chat id>:<message id>}: message ids are unique only
 * within a chat. A sent message's reference and the reference a reply points at are built the same
 * way, from the chat id on the wire, so an operator's reply to a summary finds its ticket.
 */
final class MessageRefs {

    private MessageRefs() {
    }

    static String of(long chatId, long messageId) {
        return chatId + ":" + messageId;
    }
}
