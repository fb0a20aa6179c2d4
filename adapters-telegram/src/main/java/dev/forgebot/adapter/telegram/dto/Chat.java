package dev.forgebot.adapter.telegram.dto;

/**
 * A chat ({@code Chat}).
 *
 * @param id    the chat's id; negative for groups, supergroups and channels
 * @param type  {@code private}, {@code group}, {@code supergroup} or {@code channel}
 * @param title a group's title, or null
 */
public record Chat(long id, String type, String title) {

    /** Whether this is a one-to-one chat with a user. */
    public boolean isPrivate() {
        return "private".equals(type);
    }
}
