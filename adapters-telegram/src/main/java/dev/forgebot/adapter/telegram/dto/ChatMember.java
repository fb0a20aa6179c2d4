package dev.forgebot.adapter.telegram.dto;

/**
 * A member's status in a chat ({@code ChatMember}).
 *
 * @param status {@code creator}, {@code administrator}, {@code member}, {@code restricted},
 *               {@code left} or {@code kicked}
 * @param user   the member
 */
public record ChatMember(String status, User user) {
}
