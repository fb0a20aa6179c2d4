package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CompanyName;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.EmailAddress;
import dev.forgebot.domain.lead.FollowUpState;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadScore;
import dev.forgebot.domain.lead.LeadStatus;
import dev.forgebot.domain.lead.PersonName;
import dev.forgebot.domain.lead.PhoneNumber;
import dev.forgebot.domain.lead.Reachability;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link LeadRepository} contract, sentence by sentence: {@code findOrCreate} is idempotent on the
 * customer and never overwrites what was written since; {@code update} is a true update of every
 * field and refuses unknown leads; {@code dueForFollowUp} follows the stored next follow-up time,
 * earliest first, within the limit; {@code claimFollowUp} is a conditional update on the follow-up
 * count that one token wins and that recognises its own earlier write on a retry.
 *
 * <p>An adapter uses it by subclassing it as {@code <Technology>LeadRepositoryContractTest} and
 * returning a fresh, empty store from {@link #newStore()}. Concurrent claims and creates are
 * checked by {@link LeadRepositoryConcurrencyContract}. Thread-free: times are passed in.
 */
public abstract class LeadRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private LeadRepository leads;

    /** A fresh, empty repository; called once per test. */
    protected abstract LeadRepository newStore();

    @BeforeEach
    void createStore() {
        leads = newStore();
    }

    static Lead newLead(long customer, Instant at) {
        return Lead.firstContact(LeadId.random(), new CustomerId(customer), new ChatId(customer),
                ContactFacts.displayedAs("Customer " + customer), at);
    }

    private static Lead fullyKnown(Lead lead) {
        ContactFacts facts = new ContactFacts(Optional.of("Zoë O'Brien 🦊"), Optional.of(new PersonName("Зоя Обрайен")),
                Optional.of(new EmailAddress("Zoe.OBrien+bot@Example.co.uk")), Optional.of(new PhoneNumber("447946095800", true)),
                Optional.of(new CompanyName("שלום Ltd.")));
        return new Lead(lead.id(), lead.customerId(), lead.chatId(), facts, LeadStatus.QUALIFIED, Reachability.BLOCKED,
                LeadIntent.PURCHASE, new LeadScore(87), lead.createdAt(), lead.createdAt().plusSeconds(60),
                new FollowUpState(2, Optional.of(lead.createdAt().plusSeconds(3600))));
    }

    @Test
    void findOrCreateStoresANewCustomersLeadAndReturnsIt() {
        Lead candidate = newLead(1, T0);

        Lead stored = leads.findOrCreate(candidate, Optional.empty());

        assertThat(stored).isEqualTo(candidate);
        assertThat(leads.find(candidate.id())).contains(candidate);
        assertThat(leads.findByCustomer(new CustomerId(1))).contains(candidate);
        assertThat(leads.count()).isEqualTo(1);
    }

    @Test
    void findOrCreateOfAKnownCustomerReturnsTheStoredLeadAndDropsTheCandidate() {
        Lead first = leads.findOrCreate(newLead(1, T0), Optional.empty());
        Lead other = Lead.firstContact(LeadId.random(), new CustomerId(1), new ChatId(99),
                ContactFacts.displayedAs("Someone else"), T0.plusSeconds(5));

        Lead returned = leads.findOrCreate(other, Optional.of(T0));

        assertThat(returned).isEqualTo(first);
        assertThat(leads.find(other.id())).isEmpty();
        assertThat(leads.count()).isEqualTo(1);
        assertThat(leads.dueForFollowUp(T0.plus(Duration.ofDays(365)), 10)).isEmpty();
    }

    @Test
    void aReplayedFindOrCreateNeverOverwritesAnUpdateMadeSince() {
        Lead candidate = newLead(1, T0);
        leads.findOrCreate(candidate, Optional.empty());
        Lead updated = leads.update(fullyKnown(candidate), Optional.empty());

        Lead replayed = leads.findOrCreate(candidate, Optional.of(T0));

        assertThat(replayed).isEqualTo(updated);
        assertThat(leads.find(candidate.id())).contains(updated);
    }

    @Test
    void findOrCreateSchedulesTheFirstFollowUpOfANewLead() {
        Lead candidate = newLead(1, T0);

        leads.findOrCreate(candidate, Optional.of(T0.plusSeconds(600)));

        assertThat(leads.dueForFollowUp(T0.plusSeconds(599), 10)).isEmpty();
        assertThat(leads.dueForFollowUp(T0.plusSeconds(600), 10)).containsExactly(candidate);
    }

    @Test
    void leadsOfDifferentCustomersAreDifferentLeads() {
        Lead a = leads.findOrCreate(newLead(1, T0), Optional.empty());
        Lead b = leads.findOrCreate(newLead(2, T0), Optional.empty());

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(leads.count()).isEqualTo(2);
        assertThat(leads.findByCustomer(new CustomerId(2))).contains(b);
    }

    @Test
    void findOfAnUnknownLeadOrCustomerIsEmpty() {
        assertThat(leads.find(LeadId.random())).isEmpty();
        assertThat(leads.findByCustomer(new CustomerId(404))).isEmpty();
        assertThat(leads.count()).isZero();
    }

    @Test
    void updateReplacesEveryFieldOfTheStoredLead() {
        Lead candidate = leads.findOrCreate(newLead(1, T0), Optional.empty());
        Lead changed = fullyKnown(candidate);

        Lead returned = leads.update(changed, Optional.empty());

        assertThat(returned).isEqualTo(changed);
        assertThat(leads.find(candidate.id())).contains(changed);
        assertThat(leads.findByCustomer(candidate.customerId())).contains(changed);
        assertThat(leads.count()).isEqualTo(1);
    }

    @Test
    void updateCanClearFactsAndResetTheFollowUpCount() {
        Lead candidate = leads.findOrCreate(newLead(1, T0), Optional.empty());
        leads.update(fullyKnown(candidate), Optional.empty());
        Lead plain = new Lead(candidate.id(), candidate.customerId(), candidate.chatId(), ContactFacts.none(),
                LeadStatus.ENGAGED, Reachability.REACHABLE, LeadIntent.UNKNOWN, LeadScore.ZERO, T0,
                T0.plus(Duration.ofDays(2)), FollowUpState.NONE);

        leads.update(plain, Optional.empty());

        assertThat(leads.find(candidate.id())).contains(plain);
    }

    @Test
    void updateOfAnUnknownLeadThrowsPermanentAndStoresNothing() {
        Lead unknown = newLead(1, T0);

        assertThatThrownBy(() -> leads.update(unknown, Optional.empty())).isInstanceOf(PermanentStorageException.class);
        assertThat(leads.count()).isZero();
        assertThat(leads.find(unknown.id())).isEmpty();
    }

    @Test
    void updateReschedulesAndUnschedulesTheNextFollowUp() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0.plusSeconds(60)));

        leads.update(lead, Optional.of(T0.plusSeconds(600)));
        assertThat(leads.dueForFollowUp(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(leads.dueForFollowUp(T0.plusSeconds(600), 10)).containsExactly(lead);

        leads.update(lead, Optional.empty());
        assertThat(leads.dueForFollowUp(T0.plus(Duration.ofDays(365)), 10)).isEmpty();
    }

    @Test
    void dueForFollowUpReturnsLeadsDueAtOrBeforeNowEarliestFirst() {
        Lead late = leads.findOrCreate(newLead(1, T0), Optional.of(T0.plusSeconds(300)));
        Lead early = leads.findOrCreate(newLead(2, T0), Optional.of(T0.plusSeconds(100)));
        Lead exactlyNow = leads.findOrCreate(newLead(3, T0), Optional.of(T0.plusSeconds(500)));
        leads.findOrCreate(newLead(4, T0), Optional.of(T0.plusSeconds(501)));
        leads.findOrCreate(newLead(5, T0), Optional.empty());

        assertThat(leads.dueForFollowUp(T0.plusSeconds(500), 10)).containsExactly(early, late, exactlyNow);
    }

    @Test
    void dueForFollowUpReturnsAtMostTheLimit() {
        Lead first = leads.findOrCreate(newLead(1, T0), Optional.of(T0.plusSeconds(1)));
        Lead second = leads.findOrCreate(newLead(2, T0), Optional.of(T0.plusSeconds(2)));
        leads.findOrCreate(newLead(3, T0), Optional.of(T0.plusSeconds(3)));

        assertThat(leads.dueForFollowUp(T0.plusSeconds(10), 2)).containsExactly(first, second);
    }

    @Test
    void claimFollowUpMovesTheCountOnAndRecordsTheSendAndTheNextDueTime() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0.plusSeconds(60)));
        Instant sentAt = T0.plusSeconds(61);

        boolean claimed = leads.claimFollowUp(lead.id(), 0, sentAt, Optional.of(T0.plusSeconds(3600)), "token-a");

        assertThat(claimed).isTrue();
        Lead stored = leads.find(lead.id()).orElseThrow();
        assertThat(stored.followUp()).isEqualTo(new FollowUpState(1, Optional.of(sentAt)));
        assertThat(stored).isEqualTo(lead.followUpSent(sentAt));
        assertThat(leads.dueForFollowUp(T0.plusSeconds(3599), 10)).isEmpty();
        assertThat(leads.dueForFollowUp(T0.plusSeconds(3600), 10)).containsExactly(stored);
    }

    @Test
    void claimingTheLastFollowUpCanLeaveNoneScheduled() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0.plusSeconds(60)));

        assertThat(leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(60), Optional.empty(), "token-a")).isTrue();

        assertThat(leads.dueForFollowUp(T0.plus(Duration.ofDays(365)), 10)).isEmpty();
    }

    @Test
    void aSecondClaimOfTheSameStepWithAnotherTokenLoses() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0));
        leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.of(T0.plusSeconds(100)), "token-a");

        boolean second = leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(2), Optional.of(T0.plusSeconds(200)), "token-b");

        assertThat(second).isFalse();
        Lead stored = leads.find(lead.id()).orElseThrow();
        assertThat(stored.followUp()).isEqualTo(new FollowUpState(1, Optional.of(T0.plusSeconds(1))));
        assertThat(leads.dueForFollowUp(T0.plusSeconds(100), 10)).containsExactly(stored);
    }

    @Test
    void aRetryWithTheWinningTokenIsRecognisedAsTheWinnerAndWritesNothingMore() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0));
        leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.of(T0.plusSeconds(100)), "token-a");

        boolean retried = leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.of(T0.plusSeconds(100)), "token-a");

        assertThat(retried).isTrue();
        assertThat(leads.find(lead.id()).orElseThrow().followUp().sent()).isEqualTo(1);
    }

    @Test
    void aRetryOfALosingTokenStillLoses() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0));
        leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.empty(), "token-a");
        leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.empty(), "token-b");

        assertThat(leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.empty(), "token-b")).isFalse();
    }

    @Test
    void aClaimWithAStaleCountLosesAndChangesNothing() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0));
        leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.of(T0.plusSeconds(100)), "token-a");
        Lead before = leads.find(lead.id()).orElseThrow();

        boolean claimed = leads.claimFollowUp(lead.id(), 3, T0.plusSeconds(2), Optional.empty(), "token-b");

        assertThat(claimed).isFalse();
        assertThat(leads.find(lead.id())).contains(before);
        assertThat(leads.dueForFollowUp(T0.plusSeconds(100), 10)).containsExactly(before);
    }

    @Test
    void theNextStepCanBeClaimedAfterTheFirst() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0));
        leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.of(T0.plusSeconds(100)), "token-a");

        boolean claimed = leads.claimFollowUp(lead.id(), 1, T0.plusSeconds(100), Optional.empty(), "token-b");

        assertThat(claimed).isTrue();
        assertThat(leads.find(lead.id()).orElseThrow().followUp())
                .isEqualTo(new FollowUpState(2, Optional.of(T0.plusSeconds(100))));
    }

    @Test
    void aRetryOfAClaimLosesWhenTheLeadChangedSince() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0));
        leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.of(T0.plusSeconds(100)), "token-a");
        leads.claimFollowUp(lead.id(), 1, T0.plusSeconds(100), Optional.empty(), "token-b");

        boolean retried = leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(1), Optional.of(T0.plusSeconds(100)), "token-a");

        assertThat(retried).isFalse();
        assertThat(leads.find(lead.id()).orElseThrow().followUp().sent()).isEqualTo(2);
    }

    @Test
    void anUpdateBetweenClaimsIsKeptByTheNextClaim() {
        Lead lead = leads.findOrCreate(newLead(1, T0), Optional.of(T0));
        Lead enriched = leads.update(fullyKnown(lead).customerWrote(T0.plusSeconds(120)), Optional.of(T0.plusSeconds(200)));

        boolean claimed = leads.claimFollowUp(lead.id(), 0, T0.plusSeconds(200), Optional.empty(), "token-a");

        assertThat(claimed).isTrue();
        assertThat(leads.find(lead.id())).contains(enriched.followUpSent(T0.plusSeconds(200)));
    }
}
