package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The concurrent half of the {@link LeadRepository} contract: creates of one customer from several
 * threads store one lead, and of several concurrent claims of one follow-up step exactly one wins.
 * Starts threads, so concrete subclasses are named {@code *IT} and run in failsafe; an adapter
 * subclasses it and returns a fresh, empty store from {@link #newStore()}.
 */
public abstract class LeadRepositoryConcurrencyContract {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final int THREADS = 8;

    /** A fresh, empty repository; called once per test. */
    protected abstract LeadRepository newStore();

    @RepeatedTest(5)
    void findOrCreateFromEightThreadsStoresOneLead() throws Exception {
        LeadRepository leads = newStore();

        List<Lead> returned = Concurrently.run(THREADS,
                i -> leads.findOrCreate(LeadRepositoryContract.newLead(77, T0.plusSeconds(i)), Optional.empty()));

        assertThat(leads.count()).isEqualTo(1);
        Lead stored = leads.findByCustomer(new CustomerId(77)).orElseThrow();
        assertThat(returned).allSatisfy(lead -> assertThat(lead).isEqualTo(stored));
    }

    @RepeatedTest(5)
    void claimFollowUpFromEightThreadsWithDifferentTokensHasExactlyOneWinner() throws Exception {
        LeadRepository leads = newStore();
        LeadId id = leads.findOrCreate(LeadRepositoryContract.newLead(77, T0), Optional.of(T0)).id();

        List<Boolean> claims = Concurrently.run(THREADS,
                i -> leads.claimFollowUp(id, 0, T0.plusSeconds(60), Optional.of(T0.plusSeconds(3600)), "token-" + i));

        assertThat(claims).containsOnlyOnce(true);
        assertThat(leads.find(id).orElseThrow().followUp().sent()).isEqualTo(1);
    }
}
