package dev.forgebot.domain.conversation;

import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation between a lead and the business, as recorded in the conversation log.
 *
 * <p>A message is recorded at most once per inbound event and direction: {@code inboundKey} names
 * the event that caused it (the customer's own message for {@code INBOUND}, the message being
 * answered for {@code OUTBOUND}), which makes recording idempotent when a pipeline step runs again.
 * Proactive messages such as follow-ups carry a key of their own making.
 *
 * @param id         identity
 * @param leadId     the lead the conversation belongs to
 * @param direction  who wrote it
 * @param text       the text, possibly empty (a photo with no caption), at most {@value #MAX_TEXT_LENGTH} characters
 * @param inboundKey the event this message belongs to
 * @param createdAt  when it was written
 */
public record Message(
        MessageId id, LeadId leadId, Direction direction, String text, InboundKey inboundKey, Instant createdAt) {

    /** Longest text kept; Telegram's own limit is 4,096, terminal and webhook input is capped here. */
    public static final int MAX_TEXT_LENGTH = 65_536;

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(inboundKey, "inboundKey");
        Objects.requireNonNull(createdAt, "createdAt");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "message text is " + text.length() + " characters, the limit is " + MAX_TEXT_LENGTH);
        }
    }

    @Override
    public String toString() {
        // The text is the customer's: it never goes into logs through toString.
        return "Message[id=" + id.value() + ", lead=" + leadId.value() + ", " + direction + ", key=" + inboundKey
                + ", length=" + text.length() + ", at=" + createdAt + "]";
    }
}
