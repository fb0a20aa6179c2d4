package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.lead.LeadId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TicketRepository} in memory; passes {@code TicketRepositoryContract}. At most one open
 * ticket per lead; a candidate whose id is stored already is a replay and gets the stored ticket.
 * Thread-safe (one lock).
 */
public class InMemoryTicketRepository implements TicketRepository {

    private final Map<TicketId, Ticket> tickets = new LinkedHashMap<>();

    @Override
    public synchronized Ticket openIfNone(Ticket candidate) {
        if (!candidate.isOpen()) {
            throw new IllegalArgumentException("a candidate ticket must be open");
        }
        Optional<Ticket> open = findOpenByLead(candidate.leadId());
        if (open.isPresent()) {
            return open.get();
        }
        return tickets.computeIfAbsent(candidate.id(), id -> candidate);
    }

    @Override
    public synchronized Optional<Ticket> find(TicketId id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public synchronized Optional<Ticket> findOpenByLead(LeadId leadId) {
        return tickets.values().stream().filter(t -> t.isOpen() && t.leadId().equals(leadId)).findFirst();
    }

    @Override
    public synchronized Optional<Ticket> findByOperatorMessage(String operatorMessageRef) {
        return tickets.values().stream()
                .filter(t -> t.operatorMessageRef().equals(Optional.of(operatorMessageRef)))
                .findFirst();
    }

    @Override
    public synchronized Ticket update(Ticket ticket) {
        Ticket stored = tickets.get(ticket.id());
        if (stored == null) {
            throw new PermanentStorageException("tickets.update", "no ticket " + ticket.id().value());
        }
        if (ticket.isOpen() && findOpenByLead(ticket.leadId()).filter(t -> !t.id().equals(ticket.id())).isPresent()) {
            throw new PermanentStorageException("tickets.update", "the lead has another open ticket");
        }
        tickets.put(ticket.id(), ticket);
        return ticket;
    }

    @Override
    public synchronized List<Ticket> open(int limit) {
        return tickets.values().stream()
                .filter(Ticket::isOpen)
                .sorted(Comparator.comparing(Ticket::openedAt))
                .limit(limit)
                .toList();
    }

    /** Every ticket, in creation order (for assertions). */
    public synchronized List<Ticket> all() {
        return List.copyOf(tickets.values());
    }
}
