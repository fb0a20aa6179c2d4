package dev.forgebot.application.port.out;

import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.lead.LeadId;
import java.util.List;
import java.util.Optional;

/**
 * The messages exchanged with each lead.
 *
 * <p>Contract: {@link #record} is idempotent on ({@link Message#inboundKey()}, {@link Message#direction()}):
 * a second record of the same pair returns the first message and stores nothing. Failures are
 * {@link TransientStorageException} or {@link PermanentStorageException}. Thread-safe.
 */
public interface ConversationLog {

    /** Stores {@code message} unless one with its key and direction exists; returns the stored one. */
    Message record(Message message);

    /** The message recorded for this event and direction. */
    Optional<Message> find(InboundKey key, Direction direction);

    /** The lead's latest messages, oldest first. */
    List<Message> recent(LeadId leadId, int limit);

    /** Number of messages recorded in {@code direction}. */
    long count(Direction direction);
}
