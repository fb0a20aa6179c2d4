package dev.forgebot.application.port.out;

import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored inbound event and where its handling stands.
 *
 * @param sequence   the store's order of arrival; entries of a chat are handled in this order
 * @param event      the mapped event
 * @param state      where it stands
 * @param attempts   how many handling attempts failed so far
 * @param lastError  the last failure, for operators (never a secret, never the customer's text)
 * @param receivedAt when it was stored
 * @param notBefore  the earliest time of the next attempt (after a transient failure)
 * @param handledAt  when it was handled, skipped or dead-lettered
 */
public record InboxEntry(
        long sequence,
        InboundEvent event,
        InboxState state,
        int attempts,
        Optional<String> lastError,
        Instant receivedAt,
        Instant notBefore,
        Optional<Instant> handledAt) {

    public InboxEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(handledAt, "handledAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative, was " + attempts);
        }
        if (state.isFinal() != handledAt.isPresent()) {
            throw new IllegalArgumentException("an entry has a handled time exactly when it is no longer pending");
        }
    }

    /** The event's key. */
    public InboundKey key() {
        return event.key();
    }

    /** The event's chat. */
    public ChatId chatId() {
        return event.chatId();
    }
}
