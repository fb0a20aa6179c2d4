package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.EmailAddress;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadEnricherTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final LeadRepository leads = mock(LeadRepository.class);
    private final ConversationLog conversations = mock(ConversationLog.class);
    private final LeadEnricher enricher = new LeadEnricher(leads, conversations, new FollowUpPolicy(FollowUpSchedule.defaults()));
    private final Lead lead = Lead.firstContact(LeadId.random(), new CustomerId(42), new ChatId(42),
            ContactFacts.displayedAs("Ana"), T0);

    LeadEnricherTest() {
        when(leads.update(any(), any())).thenAnswer(call -> Optional.of(call.getArgument(0)));
        when(conversations.recent(any(), anyInt())).thenReturn(List.of(
                new Message(MessageId.random(), lead.id(), Direction.INBOUND, "x", new InboundKey("t", "1"), T0)));
    }

    @Test
    void mergesFactsIntentAndScoreIntoTheLeadAsStoredNow() {
        Lead storedNow = lead.customerWrote(T0.plusSeconds(30));
        when(leads.find(lead.id())).thenReturn(Optional.of(storedNow));

        Lead enriched = enricher.enrich(lead.id(), "I'd like to buy 10 seats. ana@acme.com").orElseThrow();

        assertThat(enriched.contact().email()).contains(new EmailAddress("ana@acme.com"));
        assertThat(enriched.intent()).isEqualTo(LeadIntent.PURCHASE);
        assertThat(enriched.score().value()).isEqualTo(25 + 30 + 2);
        assertThat(enriched.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(enriched.lastCustomerMessageAt()).isEqualTo(T0.plusSeconds(30));
        verify(leads).update(enriched, Optional.of(T0.plusSeconds(30).plus(java.time.Duration.ofHours(24))));
    }

    @Test
    void enrichingTwiceWithTheSameMessageWritesOnce() {
        when(leads.find(lead.id())).thenReturn(Optional.of(lead));
        Lead once = enricher.enrich(lead.id(), "How much is it? ana@acme.com").orElseThrow();
        when(leads.find(lead.id())).thenReturn(Optional.of(once));

        Lead twice = enricher.enrich(lead.id(), "How much is it? ana@acme.com").orElseThrow();

        assertThat(twice).isEqualTo(once);
        verify(leads, org.mockito.Mockito.times(1)).update(any(), any());
    }

    @Test
    void aLeadThatIsGoneIsLeftAlone() {
        when(leads.find(lead.id())).thenReturn(Optional.empty());

        assertThat(enricher.enrich(lead.id(), "hi")).isEmpty();
        verify(leads, never()).update(any(), any());
    }
}
