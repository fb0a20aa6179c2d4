package dev.forgebot.domain.conversation;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a handoff ticket.
 *
 * @param value the id
 */
public record TicketId(UUID value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh random id. */
    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }
}
