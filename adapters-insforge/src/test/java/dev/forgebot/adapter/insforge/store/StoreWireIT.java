package dev.forgebot.adapter.insforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgebot.adapter.insforge.http.Direction;
import dev.forgebot.adapter.insforge.http.Filter;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.InsForgePermanentException;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
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
    void aClaimIsOnePatchConditionalOnKeyPendingAndAnOrOfUnclaimedRunOutOrSameOwner() {
        InsForgeUpdateInbox inbox = new InsForgeUpdateInbox(servers.fresh());
        InboundKey key = new InboundKey("telegram", "1");
        inbox.store(List.of(ChatMessage.text(key, new ChatId(1), new Sender(new CustomerId(1), "Ada"), "hi", T0)), T0);
        int before = servers.current().requests().size();

        boolean claimed = inbox.claim(key, "instance-a", T0.plusSeconds(300), T0.plusNanos(1_234_567));

        assertThat(claimed).isTrue();
        List<String> sent = servers.current().requests().subList(before, servers.current().requests().size());
        assertThat(sent).singleElement().satisfies(r -> assertThat(r)
                .startsWith("PATCH /api/database/records/inbox?")
                .contains("source=eq.telegram", "external_id=eq.1", "state=eq.PENDING")
                .contains("&or=%28claimed_until.is.null%2Cclaimed_until.lte.%222026-11-01T10%3A00%3A00.001234Z%22"
                        + "%2Cclaimed_by.eq.instance-a%29"));
    }

    @Test
    void aClaimByAnOwnerWithReservedCharactersMatchesOnlyThatOwner() {
        InsForgeUpdateInbox inbox = new InsForgeUpdateInbox(servers.fresh());
        InboundKey key = new InboundKey("telegram", "1");
        inbox.store(List.of(ChatMessage.text(key, new ChatId(1), new Sender(new CustomerId(1), "Ada"), "hi", T0)), T0);
        String hostile = "a,b),claimed_by.neq.\"x\\";

        boolean first = inbox.claim(key, hostile, T0.plusSeconds(300), T0);
        boolean other = inbox.claim(key, "a", T0.plusSeconds(300), T0.plusSeconds(1));
        boolean again = inbox.claim(key, hostile, T0.plusSeconds(600), T0.plusSeconds(2));

        assertThat(first).isTrue();
        assertThat(other).isFalse();
        assertThat(again).isTrue();
    }

    @Test
    void aScheduledRetryClearsBothClaimColumns() {
        InsForgeUpdateInbox inbox = new InsForgeUpdateInbox(servers.fresh());
        InboundKey key = new InboundKey("telegram", "1");
        inbox.store(List.of(ChatMessage.text(key, new ChatId(1), new Sender(new CustomerId(1), "Ada"), "hi", T0)), T0);
        inbox.claim(key, "instance-a", T0.plusSeconds(300), T0);

        inbox.scheduleRetry(key, 1, "boom", T0.plusSeconds(30));

        JsonNode row = servers.anotherClient().select(RecordsQuery.from("inbox").orderBy("sequence", Direction.ASC))
                .getFirst();
        assertThat(row.get("claimed_by").isNull()).isTrue();
        assertThat(row.get("claimed_until").isNull()).isTrue();
    }

    @Test
    void aClaimRefusesAnOwnerOutsideOneToSixtyFourVisibleAsciiCharacters() {
        InsForgeUpdateInbox inbox = new InsForgeUpdateInbox(servers.fresh());
        InboundKey key = new InboundKey("telegram", "1");

        for (String bad : List.of("", "x".repeat(65), "has space", "tab\t", "ü")) {
            assertThatThrownBy(() -> inbox.claim(key, bad, T0.plusSeconds(300), T0)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(servers.current().requests()).isEmpty();
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
