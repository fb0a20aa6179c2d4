package dev.forgebot.domain.conversation;

import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation handed to human operators. A lead has at most one open ticket; the summary posted
 * to the operators' chat keeps its message reference here, so an operator's reply to that post can
 * be routed back to the customer.
 *
 * @param id                 identity
 * @param leadId             the customer's lead
 * @param chatId             the customer's chat, where operator replies go
 * @param reason             why the customer asked for a human (their words, possibly empty)
 * @param status             open or closed
 * @param openedAt           when it was opened
 * @param closedAt           when it was closed; present exactly when closed
 * @param operatorMessageRef the channel's reference of the summary post in the operators' chat, once posted
 */
public record Ticket(
        TicketId id,
        LeadId leadId,
        ChatId chatId,
        String reason,
        TicketStatus status,
        Instant openedAt,
        Optional<Instant> closedAt,
        Optional<String> operatorMessageRef) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(operatorMessageRef, "operatorMessageRef");
        if ((status == TicketStatus.CLOSED) != closedAt.isPresent()) {
            throw new IllegalArgumentException("a ticket has a close time exactly when it is closed");
        }
        if (closedAt.isPresent() && closedAt.get().isBefore(openedAt)) {
            throw new IllegalArgumentException("a ticket cannot close before it opened");
        }
        operatorMessageRef.ifPresent(ref -> {
            if (ref.isBlank()) {
                throw new IllegalArgumentException("operatorMessageRef must not be blank");
            }
        });
    }

    /** Opens a ticket for a lead. */
    public static Ticket open(TicketId id, LeadId leadId, ChatId chatId, String reason, Instant at) {
        return new Ticket(id, leadId, chatId, reason, TicketStatus.OPEN, at, Optional.empty(), Optional.empty());
    }

    /** The same ticket with its operator post recorded. */
    public Ticket postedAs(String messageRef) {
        return new Ticket(id, leadId, chatId, reason, status, openedAt, closedAt, Optional.of(messageRef));
    }

    /**
     * The same ticket closed at {@code at}; closing a closed ticket returns it unchanged.
     *
     * @throws IllegalArgumentException if {@code at} is before the ticket was opened
     */
    public Ticket close(Instant at) {
        if (status == TicketStatus.CLOSED) {
            return this;
        }
        return new Ticket(id, leadId, chatId, reason, TicketStatus.CLOSED, openedAt, Optional.of(at), operatorMessageRef);
    }

    /** Whether operators are still on it. */
    public boolean isOpen() {
        return status == TicketStatus.OPEN;
    }

    @Override
    public String toString() {
        return "Ticket[id=" + id.value() + ", lead=" + leadId.value() + ", " + status + ", openedAt=" + openedAt + "]";
    }
}
