package dev.forgebot.adapter.insforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.adapter.insforge.http.Filter;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.InsForgePermanentException;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.Sender;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the stores put on the wire: the conditional writes the contracts rely on, and stored time precision. */
class StoreWireIT {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final FakeServers servers = new FakeServers();

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void leadUpdatesAreConditionalOnTheVersionRead() {
        InsForgeLeadRepository leads = new InsForgeLeadRepository(servers.fresh());
        Lead lead = leads.findOrCreate(Lead.firstContact(LeadId.random(), new CustomerId(5), new ChatId(5),
                ContactFacts.displayedAs("Ada"), T0), Optional.empty());

        leads.update(lead.customerWrote(T0.plusSeconds(1)), Optional.empty());

        assertThat(servers.current().requests()).anySatisfy(r -> assertThat(r)
                .startsWith("PATCH /api/database/records/leads?")
                .contains("id=eq." + lead.id().value())
                .contains("version=eq.0"));
        assertThat(servers.current().requests()).anySatisfy(r -> assertThat(r)
                .startsWith("POST /api/database/records/leads?on_conflict=telegram_user_id"));
    }

    @Test
    void inboxStateChangesAreConditionalOnPendingAndCountsOrderByAnExistingColumn() {
        InsForgeUpdateInbox inbox = new InsForgeUpdateInbox(servers.fresh());
        InboundKey key = new InboundKey("telegram", "1");
        inbox.store(List.of(ChatMessage.text(key, new ChatId(1), new Sender(new CustomerId(1), "Ada"), "hi", T0)), T0);

        inbox.markHandled(key, InboxState.HANDLED, T0);
        inbox.pendingCount();

        assertThat(servers.current().requests()).anySatisfy(r -> assertThat(r)
                .startsWith("PATCH /api/database/records/inbox?").contains("state=eq.PENDING"));
        assertThat(servers.current().requests()).noneSatisfy(r -> assertThat(r)
                .startsWith("GET /api/database/records/inbox?").contains("order=id."));
    }

    @Test
    void theFakeRejectsAnOrderOnAColumnTheTableLacksAsPostgrestDoes() {
        InsForgeHttpClient client = servers.fresh();

        // count(table, where) orders by id, which inbox has not: the reason the stores use count(RecordsQuery)
        assertThatThrownBy(() -> client.count("inbox", List.of(Filter.eq("state", "PENDING"))))
                .isInstanceOf(InsForgePermanentException.class)
                .hasMessageContaining("42703");
    }

    @Test
    void timesAreStoredAtMicrosecondPrecision() {
        InsForgeLeadRepository leads = new InsForgeLeadRepository(servers.fresh());
        Instant at = Instant.parse("2026-11-01T10:00:00.123456789Z");

        Lead stored = leads.findOrCreate(Lead.firstContact(LeadId.random(), new CustomerId(6), new ChatId(6),
                ContactFacts.displayedAs("Ada"), at), Optional.empty());

        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-11-01T10:00:00.123456Z"));
        assertThat(leads.find(stored.id())).contains(stored);
    }
}
