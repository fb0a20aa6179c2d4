package dev.forgebot.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.Statistics.BotStats;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.EmailAddress;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryStatisticsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void countsEachFigureFromTheOtherFakesWithTheWindowStartingAtSince() {
        var leads = new InMemoryLeadRepository();
        var log = new InMemoryConversationLog();
        var tickets = new InMemoryTicketRepository();
        var questions = new InMemoryQuestionLog();
        var scenarios = new InMemoryScenarioRepository();
        Lead old = leads.findOrCreate(Lead.firstContact(LeadId.random(), new CustomerId(1), new ChatId(1),
                new ContactFacts(Optional.empty(), Optional.empty(), Optional.of(new EmailAddress("a@b.co")),
                        Optional.empty(), Optional.empty()), T0.minusSeconds(10)), Optional.empty());
        Lead fresh = leads.findOrCreate(Lead.firstContact(LeadId.random(), new CustomerId(2), new ChatId(2),
                ContactFacts.none(), T0), Optional.empty());
        log.record(new Message(MessageId.random(), old.id(), Direction.INBOUND, "old", new InboundKey("t", "1"), T0.minusSeconds(1)));
        log.record(new Message(MessageId.random(), fresh.id(), Direction.INBOUND, "new", new InboundKey("t", "2"), T0));
        log.record(new Message(MessageId.random(), fresh.id(), Direction.OUTBOUND, "reply", new InboundKey("t", "2"), T0));
        tickets.openIfNone(Ticket.open(TicketId.random(), fresh.id(), new ChatId(2), "", T0));
        questions.record(new LoggedQuestion(new InboundKey("t", "1"), old.id(), "q", 0.1, T0.minusSeconds(1)));
        questions.record(new LoggedQuestion(new InboundKey("t", "2"), fresh.id(), "q", 0.1, T0.plusSeconds(1)));
        ScenarioDraft a = scenarios.save(new ScenarioDraft(0, "a", "a", List.of(), 1, "", ScenarioStatus.DRAFT, T0, Optional.empty()));
        scenarios.save(new ScenarioDraft(0, "b", "b", List.of(), 1, "", ScenarioStatus.DRAFT, T0, Optional.empty()));
        scenarios.approve(a.number(), T0);

        BotStats stats = new InMemoryStatistics(leads, log, tickets, questions, scenarios).since(T0);

        assertThat(stats).isEqualTo(new BotStats(2, 1, 1, 1, 1, 1, 1));
    }
}
