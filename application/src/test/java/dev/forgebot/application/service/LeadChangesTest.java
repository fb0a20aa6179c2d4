package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.application.fake.InMemoryLeadRepository;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.ExtractedFacts;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadScore;
import dev.forgebot.domain.lead.LeadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeadChangesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final InMemoryLeadRepository leads = new InMemoryLeadRepository();
    private final FollowUpPolicy policy = new FollowUpPolicy(FollowUpSchedule.defaults());
    private final LeadChanges changes = new LeadChanges(leads, policy);

    private Lead stored() {
        return leads.findOrCreate(Lead.firstContact(LeadId.random(), new CustomerId(3), new ChatId(3), ContactFacts.none(), T0),
                Optional.of(T0.plus(Duration.ofHours(24))));
    }

    @Test
    void storesTheChangeAndTheFollowUpTimeItImplies() {
        Lead read = stored();

        Lead handedOff = changes.apply(read, Lead::handOff);

        assertThat(handedOff.status()).isEqualTo(LeadStatus.HANDED_OFF);
        assertThat(leads.find(read.id())).contains(handedOff);
        assertThat(leads.nextFollowUpAt(read.id())).isEmpty();
    }

    @Test
    void reappliesTheChangeToTheNewerStateInsteadOfOverwritingIt() {
        Lead read = stored();
        changes.apply(read, Lead::handOff);

        Lead enriched = changes.apply(read, lead -> lead.enrich(ExtractedFacts.none(), LeadIntent.PRICING, new LeadScore(40)));

        assertThat(enriched.status()).as("the handoff made meanwhile survives").isEqualTo(LeadStatus.HANDED_OFF);
        assertThat(enriched.intent()).isEqualTo(LeadIntent.PRICING);
        assertThat(leads.find(read.id())).contains(enriched);
    }

    @Test
    void aChangeThatChangesNothingWritesNothing() {
        Lead read = stored().handOff();
        Lead handedOff = changes.apply(stored(), Lead::handOff);

        Lead again = changes.apply(handedOff, Lead::handOff);

        assertThat(again).isSameAs(handedOff);
        assertThat(read.version()).isZero();
        assertThat(leads.find(handedOff.id()).orElseThrow().version()).isEqualTo(handedOff.version());
    }

    @Test
    void givesUpAsTransientWhenTheLeadKeepsChanging() {
        Lead read = stored();
        AtomicInteger meddling = new AtomicInteger();

        assertThatThrownBy(() -> changes.apply(read, lead -> {
            // Another writer gets in between every read and write.
            Lead current = leads.find(lead.id()).orElseThrow();
            leads.update(current, Optional.empty());
            meddling.incrementAndGet();
            return lead.close();
        })).isInstanceOf(TransientStorageException.class).hasMessageContaining("changed concurrently");

        assertThat(meddling).hasValue(LeadChanges.MAX_CONFLICTS);
    }

    @Test
    void aLeadThatVanishedIsAPermanentFailure() {
        Lead ghost = Lead.firstContact(LeadId.random(), new CustomerId(9), new ChatId(9), ContactFacts.none(), T0);

        assertThatThrownBy(() -> changes.apply(ghost, Lead::handOff)).isInstanceOf(PermanentStorageException.class);
        assertThat(changes.apply(ghost.id(), Lead::handOff)).isEmpty();
    }
}
