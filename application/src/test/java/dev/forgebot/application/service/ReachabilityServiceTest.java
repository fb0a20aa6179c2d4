package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.forgebot.application.port.in.ChangeReachability.ReachabilityCommand;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.Reachability;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ReachabilityServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Mock
    private LeadRepository leads;

    private final FollowUpPolicy policy = new FollowUpPolicy(FollowUpSchedule.defaults());

    private static Lead lead() {
        return Lead.firstContact(LeadId.random(), new CustomerId(5), new ChatId(5), ContactFacts.none(), T0);
    }

    @Test
    void blockingMarksTheLeadBlockedAndClearsItsFollowUp() {
        Lead lead = lead();
        when(leads.findByCustomer(new CustomerId(5))).thenReturn(Optional.of(lead));
        when(leads.update(any(), any())).thenAnswer(call -> Optional.of(call.getArgument(0)));

        new ReachabilityService(leads, policy).change(new ReachabilityCommand(new CustomerId(5), true, T0));

        ArgumentCaptor<Lead> updated = ArgumentCaptor.forClass(Lead.class);
        verify(leads).update(updated.capture(), org.mockito.ArgumentMatchers.eq(Optional.empty()));
        assertThat(updated.getValue().reachability()).isEqualTo(Reachability.BLOCKED);
    }

    @Test
    void unblockingRestoresTheScheduledFollowUp() {
        Lead blocked = lead().block();
        when(leads.findByCustomer(new CustomerId(5))).thenReturn(Optional.of(blocked));
        when(leads.update(any(), any())).thenAnswer(call -> Optional.of(call.getArgument(0)));

        new ReachabilityService(leads, policy).change(new ReachabilityCommand(new CustomerId(5), false, T0));

        verify(leads).update(blocked.unblock(), Optional.of(T0.plus(Duration.ofHours(24))));
    }

    @Test
    void aRepeatedChangeWritesNothing() {
        when(leads.findByCustomer(new CustomerId(5))).thenReturn(Optional.of(lead().block()));

        new ReachabilityService(leads, policy).change(new ReachabilityCommand(new CustomerId(5), true, T0));

        verify(leads, never()).update(any(), any());
    }

    @Test
    void reappliesTheChangeToTheNewerStateWhenTheLeadChangedMeanwhile() {
        Lead read = lead();
        Lead handedOffMeanwhile = read.handOff().atVersion(1);
        when(leads.findByCustomer(new CustomerId(5))).thenReturn(Optional.of(read));
        when(leads.update(any(), any())).thenReturn(Optional.empty(), Optional.of(handedOffMeanwhile.block().atVersion(2)));
        when(leads.find(read.id())).thenReturn(Optional.of(handedOffMeanwhile));

        new ReachabilityService(leads, policy).change(new ReachabilityCommand(new CustomerId(5), true, T0));

        verify(leads).update(handedOffMeanwhile.block(), Optional.empty());
    }

    @Test
    void ignoresUnknownCustomers() {
        when(leads.findByCustomer(new CustomerId(5))).thenReturn(Optional.empty());

        new ReachabilityService(leads, policy).change(new ReachabilityCommand(new CustomerId(5), true, T0));

        verify(leads, never()).update(any(), any());
    }
}
