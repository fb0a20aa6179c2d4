package dev.forgebot.adapter.telegram.dto;

/**
 * A Telegram user or bot ({@code User}).
 *
 * @param id        the user's id (up to 52 significant bits)
 * @param isBot     whether it is a bot
 * @param firstName first name
 * @param lastName  last name, or null
 * @param username  username without the {@code @}, or null
 */
public record User(long id, boolean isBot, String firstName, String lastName, String username) {

    /** The name to show: first and last name, or the username, or empty. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return username == null ? "" : username;
    }
}
