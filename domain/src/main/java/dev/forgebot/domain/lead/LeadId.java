package dev.forgebot.domain.lead;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a lead.
 *
 * @param value the id
 */
public record LeadId(UUID value) {

    public LeadId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh random id. */
    public static LeadId random() {
        return new LeadId(UUID.randomUUID());
    }
}
