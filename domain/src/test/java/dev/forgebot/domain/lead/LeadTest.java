package dev.forgebot.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static Lead newLead() {
        return Lead.firstContact(LeadId.random(), new CustomerId(42), new ChatId(42), ContactFacts.displayedAs("Ana"), T0);
    }

    private static ExtractedFacts emailOnly(String email) {
        return new ExtractedFacts(Optional.empty(), Optional.of(new EmailAddress(email)), Optional.empty(), Optional.empty());
    }

    @Test
    void firstContactIsNewReachableAndUnscored() {
        Lead lead = newLead();

        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.reachability()).isEqualTo(Reachability.REACHABLE);
        assertThat(lead.score()).isEqualTo(LeadScore.ZERO);
        assertThat(lead.lastCustomerMessageAt()).isEqualTo(T0);
        assertThat(lead.followUp()).isEqualTo(FollowUpState.NONE);
    }

    @Test
    void writingAgainEngagesAndRestartsTheFollowUpCount() {
        Lead followedUp = newLead().followUpSent(T0.plus(Duration.ofHours(24)));

        Lead lead = followedUp.customerWrote(T0.plus(Duration.ofHours(30)));

        assertThat(lead.status()).isEqualTo(LeadStatus.ENGAGED);
        assertThat(lead.followUp()).isEqualTo(FollowUpState.NONE);
        assertThat(lead.lastCustomerMessageAt()).isEqualTo(T0.plus(Duration.ofHours(30)));
    }

    @Test
    void aLateRedeliveredMessageChangesNothing() {
        Lead lead = newLead().customerWrote(T0.plusSeconds(60));

        assertThat(lead.customerWrote(T0.plusSeconds(30))).isSameAs(lead);
        assertThat(lead.customerWrote(T0.plusSeconds(60))).isSameAs(lead);
    }

    @Test
    void writingUnblocksAndReopensAClosedLead() {
        Lead lead = newLead().block().close().customerWrote(T0.plusSeconds(5));

        assertThat(lead.reachability()).isEqualTo(Reachability.REACHABLE);
        assertThat(lead.status()).isEqualTo(LeadStatus.ENGAGED);
    }

    @Test
    void writingKeepsAHandedOffLeadWithOperators() {
        Lead lead = newLead().handOff().customerWrote(T0.plusSeconds(5));

        assertThat(lead.status()).isEqualTo(LeadStatus.HANDED_OFF);
    }

    @Test
    void anEmailQualifiesALead() {
        Lead lead = newLead().enrich(emailOnly("ana@acme.io"), LeadIntent.PRICING, new LeadScore(60));

        assertThat(lead.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(lead.intent()).isEqualTo(LeadIntent.PRICING);
        assertThat(lead.score()).isEqualTo(new LeadScore(60));
        assertThat(lead.contact().email()).contains(new EmailAddress("ana@acme.io"));
        assertThat(lead.contact().displayName()).contains("Ana");
    }

    @Test
    void enrichmentNeitherForgetsAKnownIntentNorMovesAHandedOffLead() {
        Lead lead = newLead().enrich(ExtractedFacts.none(), LeadIntent.PURCHASE, new LeadScore(70)).handOff();

        Lead enriched = lead.enrich(emailOnly("a@b.io"), LeadIntent.UNKNOWN, new LeadScore(75));

        assertThat(enriched.intent()).isEqualTo(LeadIntent.PURCHASE);
        assertThat(enriched.status()).isEqualTo(LeadStatus.HANDED_OFF);
    }

    @Test
    void newerFactsReplaceOlderOnesAndMissingOnesKeepThem() {
        Lead lead = newLead().enrich(emailOnly("old@acme.io"), LeadIntent.UNKNOWN, LeadScore.ZERO);
        ExtractedFacts phoneOnly = new ExtractedFacts(
                Optional.empty(), Optional.empty(), Optional.of(PhoneNumber.parse("+14155550132")), Optional.empty());

        Lead updated = lead.enrich(emailOnly("new@acme.io"), LeadIntent.UNKNOWN, LeadScore.ZERO)
                .enrich(phoneOnly, LeadIntent.UNKNOWN, LeadScore.ZERO);

        assertThat(updated.contact().email()).contains(new EmailAddress("new@acme.io"));
        assertThat(updated.contact().phone()).contains(PhoneNumber.parse("+14155550132"));
    }

    @Test
    void returningToTheBotRestoresAStatusFromTheFacts() {
        assertThat(newLead().handOff().returnToBot().status()).isEqualTo(LeadStatus.ENGAGED);
        assertThat(newLead().enrich(emailOnly("a@b.io"), LeadIntent.UNKNOWN, LeadScore.ZERO).handOff().returnToBot().status())
                .isEqualTo(LeadStatus.QUALIFIED);
        Lead closed = newLead().close();
        assertThat(closed.returnToBot()).isSameAs(closed);
    }

    @Test
    void blockAndUnblockToggleReachabilityOnly() {
        Lead blocked = newLead().block();

        assertThat(blocked.reachability()).isEqualTo(Reachability.BLOCKED);
        assertThat(blocked.status()).isEqualTo(LeadStatus.NEW);
        assertThat(blocked.unblock().reachability()).isEqualTo(Reachability.REACHABLE);
    }

    @Test
    void followUpsAreCountedWithTheirTime() {
        Instant at = T0.plus(Duration.ofHours(24));

        Lead lead = newLead().followUpSent(at).followUpSent(at.plus(Duration.ofHours(48)));

        assertThat(lead.followUp().sent()).isEqualTo(2);
        assertThat(lead.followUp().lastSentAt()).contains(at.plus(Duration.ofHours(48)));
    }

    @Test
    void rejectsAFollowUpBeforeTheLastMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> newLead().followUpSent(T0.minusSeconds(1)))
                .withMessageContaining("cannot precede");
    }

    @Test
    void rejectsALastMessageBeforeFirstContact() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Lead(LeadId.random(), new CustomerId(1), new ChatId(1), ContactFacts.none(),
                        LeadStatus.NEW, Reachability.REACHABLE, LeadIntent.UNKNOWN, LeadScore.ZERO, T0,
                        T0.minusSeconds(1), FollowUpState.NONE, 0))
                .withMessageContaining("first contact");
    }

    @Test
    void changesKeepTheVersionTheStateWasReadAt() {
        Lead stored = newLead().atVersion(7);

        assertThat(stored.customerWrote(T0.plusSeconds(5)).handOff().block().followUpSent(T0.plusSeconds(9)).version())
                .isEqualTo(7);
        assertThatIllegalArgumentException().isThrownBy(() -> newLead().atVersion(-1)).withMessageContaining("version");
    }

    @Test
    void rejectsInvalidValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CustomerId(0)).withMessageContaining("positive");
        assertThatIllegalArgumentException().isThrownBy(() -> new LeadScore(101)).withMessageContaining("0..100");
        assertThatIllegalArgumentException().isThrownBy(() -> new LeadScore(-1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FollowUpState(1, Optional.empty()))
                .withMessageContaining("exactly when");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContactFacts.displayedAs("x".repeat(ContactFacts.MAX_DISPLAY_NAME_LENGTH + 1)));
    }

    @Test
    void blankDisplayNamesAreNoDisplayName() {
        assertThat(ContactFacts.displayedAs(" \t ").displayName()).isEmpty();
        assertThat(ContactFacts.displayedAs(null).displayName()).isEmpty();
        assertThat(ContactFacts.displayedAs("  Ana  ").displayName()).contains("Ana");
    }

    @Test
    void contactFactsKeepPersonalDataOutOfToString() {
        ContactFacts facts = ContactFacts.displayedAs("Ana Secret").merge(emailOnly("ana@secret.io"));

        assertThat(facts.toString()).doesNotContain("Ana").doesNotContain("secret").contains("email=true");
    }

    @Test
    void preferredNameIsTheGivenNameThenTheDisplayName() {
        ExtractedFacts named = new ExtractedFacts(
                Optional.of(new PersonName("Ana Lima")), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(ContactFacts.displayedAs("ana_l").merge(named).preferredName()).contains("Ana Lima");
        assertThat(ContactFacts.displayedAs("ana_l").preferredName()).contains("ana_l");
        assertThat(ContactFacts.none().preferredName()).isEmpty();
    }
}
