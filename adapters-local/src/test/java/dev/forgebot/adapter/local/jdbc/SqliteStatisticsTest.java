package dev.forgebot.adapter.local.jdbc;

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
import dev.forgebot.domain.lead.ExtractedFacts;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadScore;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStatisticsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(dataDir);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEmptyStoreHasNothingToReport() {
        assertThat(database.statistics().since(T0)).isEqualTo(new BotStats(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void figuresCountWhatHappenedSinceTheStartOfTheWindowInclusive() {
        Lead old = database.leads().findOrCreate(lead(1, T0.minusSeconds(60)), Optional.empty());
        Lead fresh = database.leads().findOrCreate(lead(2, T0), Optional.empty());
        database.leads().update(fresh.enrich(emailOnly(), LeadIntent.PRICING, new LeadScore(40)), Optional.empty()).orElseThrow();
        database.conversations().record(message(old, "1", Direction.INBOUND, T0.minusSeconds(1)));
        database.conversations().record(message(old, "2", Direction.INBOUND, T0));
        database.conversations().record(message(old, "2", Direction.OUTBOUND, T0.plusSeconds(1)));
        database.tickets().openIfNone(Ticket.open(TicketId.random(), old.id(), old.chatId(), "", T0.minusSeconds(5)));
        Ticket closed = database.tickets().openIfNone(Ticket.open(TicketId.random(), fresh.id(), fresh.chatId(), "", T0));
        database.tickets().update(closed.close(T0.plusSeconds(5)));
        database.questions().record(new LoggedQuestion(new InboundKey("telegram", "1"), old.id(), "q", 0.1, T0.minusSeconds(1)));
        database.questions().record(new LoggedQuestion(new InboundKey("telegram", "2"), old.id(), "q", 0.1, T0));
        ScenarioDraft waiting = database.scenarios().save(draft("a"));
        ScenarioDraft approved = database.scenarios().save(draft("b"));
        database.scenarios().approve(approved.number(), T0);

        BotStats stats = database.statistics().since(T0);

        assertThat(stats).isEqualTo(new BotStats(2, 1, 1, 1, 1, 1, 1));
        assertThat(waiting.status()).isEqualTo(ScenarioStatus.DRAFT);
    }

    private static Lead lead(long customer, Instant at) {
        return Lead.firstContact(LeadId.random(), new CustomerId(customer), new ChatId(customer), ContactFacts.none(), at);
    }

    private static ExtractedFacts emailOnly() {
        return new ExtractedFacts(Optional.empty(), Optional.of(new EmailAddress("ada@example.com")), Optional.empty(),
                Optional.empty());
    }

    private static Message message(Lead lead, String key, Direction direction, Instant at) {
        return new Message(MessageId.random(), lead.id(), direction, "text", new InboundKey("telegram", key), at);
    }

    private static ScenarioDraft draft(String representative) {
        return new ScenarioDraft(0, "run|" + representative, representative, List.of(), 1, "", ScenarioStatus.DRAFT, T0,
                Optional.empty());
    }
}
