package dev.forgebot.adapter.telegram.dto;

/**
 * A change of the bot's own membership ({@code my_chat_member}); in a private chat it means the user
 * blocked ({@code kicked}) or unblocked ({@code member}) the bot.
 *
 * @param chat            the chat
 * @param from            who made the change
 * @param date            Unix time of the change
 * @param oldChatMember   the status before
 * @param newChatMember   the status after
 */
public record ChatMemberUpdated(Chat chat, User from, long date, ChatMember oldChatMember, ChatMember newChatMember) {
}
