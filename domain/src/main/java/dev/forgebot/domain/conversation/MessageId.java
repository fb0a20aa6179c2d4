package dev.forgebot.domain.conversation;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a recorded message.
 *
 * @param value the id
 */
public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh random id. */
    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }
}
