package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link TicketRepository} contract: {@code openIfNone} is idempotent on the lead while it has
 * an open ticket (the candidate is dropped), and a replayed candidate never overwrites its stored
 * ticket; {@code update} is a true update and refuses unknown tickets; lookups by id, by lead and by
 * the operator post's reference; {@code open} lists open tickets oldest first within the limit.
 *
 * <p>An adapter uses it by subclassing it as {@code <Technology>TicketRepositoryContractTest},
 * returning a fresh, empty store from {@link #newStore()} and, if its tickets reference stored
 * leads, creating them in {@link #givenLead(LeadId)}. Thread-free.
 */
public abstract class TicketRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private TicketRepository tickets;
    private LeadId lead;
    private LeadId otherLead;

    /** A fresh, empty store; called once per test. */
    protected abstract TicketRepository newStore();

    /** Makes {@code leadId} a lead tickets can be opened for. The default does nothing. */
    protected void givenLead(LeadId leadId) {
    }

    @BeforeEach
    void createStore() {
        tickets = newStore();
        lead = LeadId.random();
        otherLead = LeadId.random();
        givenLead(lead);
        givenLead(otherLead);
    }

    private static Ticket candidate(LeadId leadId, Instant at) {
        return Ticket.open(TicketId.random(), leadId, new ChatId(1001), "I want to talk to a human", at);
    }

    @Test
    void openIfNoneStoresTheCandidateWhenTheLeadHasNoOpenTicket() {
        Ticket candidate = candidate(lead, T0);

        Ticket opened = tickets.openIfNone(candidate);

        assertThat(opened).isEqualTo(candidate);
        assertThat(tickets.find(candidate.id())).contains(candidate);
        assertThat(tickets.findOpenByLead(lead)).contains(candidate);
    }

    @Test
    void openIfNoneReturnsTheOpenTicketAndDropsTheCandidate() {
        Ticket first = tickets.openIfNone(candidate(lead, T0));
        Ticket second = candidate(lead, T0.plusSeconds(10));

        Ticket returned = tickets.openIfNone(second);

        assertThat(returned).isEqualTo(first);
        assertThat(tickets.find(second.id())).isEmpty();
        assertThat(tickets.open(10)).containsExactly(first);
    }

    @Test
    void aReplayedOpenIfNoneNeverOverwritesAnUpdateMadeSince() {
        Ticket candidate = candidate(lead, T0);
        tickets.openIfNone(candidate);
        Ticket posted = tickets.update(candidate.postedAs("ops-42"));

        Ticket replayed = tickets.openIfNone(candidate);

        assertThat(replayed).isEqualTo(posted);
        assertThat(tickets.find(candidate.id())).contains(posted);
    }

    @Test
    void aReplayedCandidateOfAClosedTicketDoesNotReopenIt() {
        Ticket candidate = candidate(lead, T0);
        tickets.openIfNone(candidate);
        Ticket closed = tickets.update(candidate.close(T0.plusSeconds(60)));

        Ticket replayed = tickets.openIfNone(candidate);

        assertThat(replayed).isEqualTo(closed);
        assertThat(tickets.findOpenByLead(lead)).isEmpty();
    }

    @Test
    void aNewTicketCanBeOpenedOnceTheLastOneIsClosed() {
        Ticket first = tickets.openIfNone(candidate(lead, T0));
        tickets.update(first.close(T0.plusSeconds(60)));
        Ticket next = candidate(lead, T0.plusSeconds(120));

        Ticket opened = tickets.openIfNone(next);

        assertThat(opened).isEqualTo(next);
        assertThat(tickets.findOpenByLead(lead)).contains(next);
        assertThat(tickets.find(first.id()).orElseThrow().isOpen()).isFalse();
    }

    @Test
    void eachLeadHasItsOwnOpenTicket() {
        Ticket mine = tickets.openIfNone(candidate(lead, T0));
        Ticket theirs = tickets.openIfNone(candidate(otherLead, T0.plusSeconds(1)));

        assertThat(theirs).isNotEqualTo(mine);
        assertThat(tickets.findOpenByLead(lead)).contains(mine);
        assertThat(tickets.findOpenByLead(otherLead)).contains(theirs);
    }

    @Test
    void updateReplacesTheStoredTicket() {
        Ticket opened = tickets.openIfNone(candidate(lead, T0));
        Ticket changed = opened.postedAs("ops-42").close(T0.plusSeconds(300));

        Ticket returned = tickets.update(changed);

        assertThat(returned).isEqualTo(changed);
        assertThat(tickets.find(opened.id())).contains(changed);
        assertThat(tickets.findOpenByLead(lead)).isEmpty();
        assertThat(tickets.open(10)).isEmpty();
    }

    @Test
    void updateOfAnUnknownTicketThrowsPermanentAndStoresNothing() {
        Ticket unknown = candidate(lead, T0);

        assertThatThrownBy(() -> tickets.update(unknown)).isInstanceOf(PermanentStorageException.class);
        assertThat(tickets.find(unknown.id())).isEmpty();
    }

    @Test
    void findByOperatorMessageFindsTheTicketPostedAsThatMessage() {
        Ticket mine = tickets.openIfNone(candidate(lead, T0));
        Ticket theirs = tickets.openIfNone(candidate(otherLead, T0));
        tickets.update(mine.postedAs("-1001234567890:17"));
        Ticket theirsPosted = tickets.update(theirs.postedAs("-1001234567890:18"));

        assertThat(tickets.findByOperatorMessage("-1001234567890:18")).contains(theirsPosted);
        assertThat(tickets.findByOperatorMessage("-1001234567890:19")).isEmpty();
    }

    @Test
    void findByOperatorMessageStillFindsAClosedTicket() {
        Ticket opened = tickets.openIfNone(candidate(lead, T0));
        Ticket closed = tickets.update(opened.postedAs("ops-7").close(T0.plusSeconds(5)));

        assertThat(tickets.findByOperatorMessage("ops-7")).contains(closed);
    }

    @Test
    void findOfAnUnknownTicketOrLeadIsEmpty() {
        assertThat(tickets.find(TicketId.random())).isEmpty();
        assertThat(tickets.findOpenByLead(lead)).isEmpty();
    }

    @Test
    void openListsOpenTicketsOldestFirstWithinTheLimit() {
        LeadId third = LeadId.random();
        givenLead(third);
        Ticket newer = tickets.openIfNone(candidate(lead, T0.plusSeconds(20)));
        Ticket oldest = tickets.openIfNone(candidate(otherLead, T0));
        Ticket closed = tickets.openIfNone(candidate(third, T0.plusSeconds(10)));
        tickets.update(closed.close(T0.plusSeconds(30)));

        assertThat(tickets.open(10)).containsExactly(oldest, newer);
        assertThat(tickets.open(1)).containsExactly(oldest);
    }

    @Test
    void unicodeAndLongReasonsRoundTripIntact() {
        Ticket unicode = tickets.openIfNone(Ticket.open(TicketId.random(), lead, new ChatId(-5), SampleTexts.UNICODE, T0));
        Ticket longReason = tickets.openIfNone(
                Ticket.open(TicketId.random(), otherLead, new ChatId(6), SampleTexts.ofLength(10_000), T0));

        assertThat(tickets.find(unicode.id()).orElseThrow().reason()).isEqualTo(SampleTexts.UNICODE);
        assertThat(tickets.find(longReason.id()).orElseThrow().reason()).isEqualTo(SampleTexts.ofLength(10_000));
    }

    @Test
    void anEmptyReasonRoundTrips() {
        Ticket opened = tickets.openIfNone(Ticket.open(TicketId.random(), lead, new ChatId(1), "", T0));

        assertThat(tickets.find(opened.id()).orElseThrow().reason()).isEmpty();
    }
}
