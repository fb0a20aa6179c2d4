package dev.forgebot.application.port.out;

import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.lead.LeadId;
import java.util.List;
import java.util.Optional;

/**
 * Handoff tickets.
 *
 * <p>Contract: {@link #openIfNone} is idempotent on the lead: while a lead has an open ticket, that
 * ticket is returned and the candidate dropped; a candidate whose id is stored already (a replay after
 * that ticket was closed) returns the stored ticket and overwrites nothing. {@link #update} replaces a stored ticket. Failures
 * are {@link TransientStorageException} or {@link PermanentStorageException}. Thread-safe.
 */
public interface TicketRepository {

    /** Returns the lead's open ticket, storing {@code candidate} first if there is none. */
    Ticket openIfNone(Ticket candidate);

    /** The ticket with this id. */
    Optional<Ticket> find(TicketId id);

    /** The lead's open ticket. */
    Optional<Ticket> findOpenByLead(LeadId leadId);

    /** The ticket whose summary was posted to the operators as {@code operatorMessageRef}. */
    Optional<Ticket> findByOperatorMessage(String operatorMessageRef);

    /**
     * Replaces the stored state of {@code ticket}.
     *
     * @throws PermanentStorageException if no such ticket exists
     */
    Ticket update(Ticket ticket);

    /** Open tickets, oldest first. */
    List<Ticket> open(int limit);
}
