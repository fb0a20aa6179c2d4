package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.fake.InMemoryLeadRepository;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CompanyName;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.EmailAddress;
import dev.forgebot.domain.lead.ExtractedFacts;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadScore;
import dev.forgebot.domain.lead.LeadStatus;
import dev.forgebot.domain.lead.Reachability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.RepeatedTest;

/** Changes racing on one lead, on real threads: none of them is lost. */
class LeadChangesIT {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @RepeatedTest(20)
    void concurrentChangesOfOneLeadAllSurvive() throws InterruptedException {
        InMemoryLeadRepository leads = new InMemoryLeadRepository();
        LeadChanges changes = new LeadChanges(leads, new FollowUpPolicy(FollowUpSchedule.defaults()));
        Lead read = leads.findOrCreate(
                Lead.firstContact(LeadId.random(), new CustomerId(3), new ChatId(3), ContactFacts.none(), T0), Optional.empty());
        List<UnaryOperator<Lead>> racing = List.of(
                Lead::handOff,
                Lead::block,
                lead -> lead.enrich(new ExtractedFacts(Optional.empty(), Optional.of(new EmailAddress("a@acme.io")),
                        Optional.empty(), Optional.empty()), LeadIntent.PRICING, new LeadScore(40)),
                lead -> lead.enrich(new ExtractedFacts(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(new CompanyName("Acme"))), LeadIntent.UNKNOWN, lead.score()));
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (UnaryOperator<Lead> change : racing) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                changes.apply(read, change);
            }));
        }

        start.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        Lead result = leads.find(read.id()).orElseThrow();
        assertThat(result.status()).isEqualTo(LeadStatus.HANDED_OFF);
        assertThat(result.reachability()).isEqualTo(Reachability.BLOCKED);
        assertThat(result.contact().email()).contains(new EmailAddress("a@acme.io"));
        assertThat(result.contact().company()).contains(new CompanyName("Acme"));
        assertThat(result.intent()).isEqualTo(LeadIntent.PRICING);
    }
}
