package dev.forgebot.adapter.telegram.dto;

/**
 * One incoming update ({@code Update}): an id and at most one payload. Payload types forgebot does not
 * read are ignored when parsing, so an update may carry none of these.
 *
 * @param updateId      the update's id, increasing
 * @param message       a new message, or null
 * @param editedMessage a new version of a message, or null
 * @param callbackQuery a button press, or null
 * @param myChatMember  a change of the bot's membership, or null
 */
public record Update(long updateId, Message message, Message editedMessage, CallbackQuery callbackQuery,
        ChatMemberUpdated myChatMember) {
}
