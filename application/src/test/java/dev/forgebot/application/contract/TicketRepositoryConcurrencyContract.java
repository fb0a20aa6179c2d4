package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The concurrent half of the {@link TicketRepository} contract: handoffs of one lead requested from
 * several threads open one ticket. Starts threads, so concrete subclasses are named {@code *IT}; an
 * adapter returns a fresh, empty store from {@link #newStore()} and creates leads in
 * {@link #givenLead(LeadId)} if tickets reference them.
 */
public abstract class TicketRepositoryConcurrencyContract {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    /** A fresh, empty store; called once per test. */
    protected abstract TicketRepository newStore();

    /** Makes {@code leadId} a lead tickets can be opened for. The default does nothing. */
    protected void givenLead(LeadId leadId) {
    }

    @RepeatedTest(5)
    void openIfNoneFromEightThreadsOpensOneTicket() throws Exception {
        TicketRepository tickets = newStore();
        LeadId lead = LeadId.random();
        givenLead(lead);

        List<Ticket> returned = Concurrently.run(8,
                i -> tickets.openIfNone(Ticket.open(TicketId.random(), lead, new ChatId(1), "help", T0.plusSeconds(i))));

        Ticket open = tickets.findOpenByLead(lead).orElseThrow();
        assertThat(returned).allSatisfy(ticket -> assertThat(ticket).isEqualTo(open));
        assertThat(tickets.open(10)).containsExactly(open);
    }
}
