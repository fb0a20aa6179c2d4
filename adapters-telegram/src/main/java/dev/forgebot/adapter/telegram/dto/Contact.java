package dev.forgebot.adapter.telegram.dto;

/**
 * A shared contact card ({@code Contact}).
 *
 * @param phoneNumber the number as shared
 * @param firstName   first name
 * @param lastName    last name, or null
 * @param userId      the Telegram user the card belongs to, or null when unknown
 */
public record Contact(String phoneNumber, String firstName, String lastName, Long userId) {

    @Override
    public String toString() {
        return "Contact[userId=" + userId + "]";
    }
}
