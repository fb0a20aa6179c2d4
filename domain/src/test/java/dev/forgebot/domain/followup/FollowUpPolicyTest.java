package dev.forgebot.domain.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.domain.followup.FollowUpDecision.Due;
import dev.forgebot.domain.followup.FollowUpDecision.Never;
import dev.forgebot.domain.followup.FollowUpDecision.NotYet;
import dev.forgebot.domain.followup.FollowUpDecision.Reason;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FollowUpPolicyTest {

    private static final Instant LAST_MESSAGE = Instant.parse("2026-11-01T10:00:00Z");
    private static final FollowUpPolicy POLICY = new FollowUpPolicy(FollowUpSchedule.defaults());

    private static Lead quietLead() {
        return Lead.firstContact(LeadId.random(), new CustomerId(7), new ChatId(7), ContactFacts.none(), LAST_MESSAGE);
    }

    private static Instant after(long hours) {
        return LAST_MESSAGE.plus(Duration.ofHours(hours));
    }

    @Test
    void firstFollowUpFallsDueAfter24HoursOfSilence() {
        assertThat(POLICY.decide(quietLead(), after(23))).isEqualTo(new NotYet(0, after(24)));
        assertThat(POLICY.decide(quietLead(), after(24))).isEqualTo(new Due(0, after(24)));
        assertThat(POLICY.decide(quietLead(), after(40))).isEqualTo(new Due(0, after(24)));
    }

    @Test
    void secondFollowUpFallsDue72HoursAfterTheLastMessageNotAfterTheFirstFollowUp() {
        Lead lead = quietLead().followUpSent(after(30));

        assertThat(POLICY.decide(lead, after(71))).isEqualTo(new NotYet(1, after(72)));
        assertThat(POLICY.decide(lead, after(72))).isEqualTo(new Due(1, after(72)));
    }

    @Test
    void stopsAfterTheLastStep() {
        Lead lead = quietLead().followUpSent(after(24)).followUpSent(after(72));

        assertThat(POLICY.decide(lead, after(10_000))).isEqualTo(new Never(Reason.SCHEDULE_EXHAUSTED));
        assertThat(POLICY.nextDueAt(lead)).isEmpty();
    }

    @Test
    void aReplyRestartsTheScheduleFromTheNewMessage() {
        Lead lead = quietLead().followUpSent(after(24)).customerWrote(after(50));

        assertThat(POLICY.decide(lead, after(73))).isEqualTo(new NotYet(0, after(74)));
        assertThat(POLICY.nextDueAt(lead)).contains(after(74));
    }

    @Test
    void neverFollowsUpHandedOffClosedOrBlockedLeads() {
        assertThat(POLICY.decide(quietLead().handOff(), after(100))).isEqualTo(new Never(Reason.HANDED_OFF));
        assertThat(POLICY.decide(quietLead().close(), after(100))).isEqualTo(new Never(Reason.CLOSED));
        assertThat(POLICY.decide(quietLead().block(), after(100))).isEqualTo(new Never(Reason.BLOCKED));
        assertThat(POLICY.nextDueAt(quietLead().block())).isEmpty();
    }

    @Test
    void anEmptyScheduleNeverFollowsUp() {
        FollowUpPolicy none = new FollowUpPolicy(FollowUpSchedule.none());

        assertThat(none.decide(quietLead(), after(1_000))).isEqualTo(new Never(Reason.SCHEDULE_EXHAUSTED));
    }

    @Test
    void nextDueAtIsTheTimeOfTheNextStep() {
        assertThat(POLICY.nextDueAt(quietLead())).contains(after(24));
        assertThat(POLICY.nextDueAt(quietLead().followUpSent(after(24)))).contains(after(72));
    }
}
