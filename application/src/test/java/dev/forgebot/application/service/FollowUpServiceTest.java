package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.port.in.RunFollowUps.FollowUpRun;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class FollowUpServiceTest {

    private static final Instant LAST_MESSAGE = Instant.parse("2026-11-01T10:00:00Z");

    @Mock
    private LeadRepository leads;
    @Mock
    private ConversationLog conversations;
    @Mock
    private Messenger messenger;

    private final MutableClock clock = new MutableClock(LAST_MESSAGE.plus(Duration.ofHours(25)));
    private final FollowUpPolicy policy = new FollowUpPolicy(FollowUpSchedule.defaults());

    private FollowUpService service() {
        return new FollowUpService(leads, conversations, messenger, policy, BotTexts.english(), clock, 100, () -> "token-1");
    }

    private static Lead quietLead(long customer) {
        return Lead.firstContact(LeadId.random(), new CustomerId(customer), new ChatId(customer),
                ContactFacts.displayedAs("Ana"), LAST_MESSAGE);
    }

    @Test
    void claimsThenSendsAndRecordsADueFollowUp() {
        Lead lead = quietLead(1);
        when(leads.dueForFollowUp(clock.instant(), 100)).thenReturn(List.of(lead));
        when(leads.claimFollowUp(lead.id(), 0, clock.instant(), Optional.of(LAST_MESSAGE.plus(Duration.ofHours(72))), "token-1"))
                .thenReturn(true);
        when(messenger.send(any())).thenReturn(new SendResult.Sent("1:9"));

        FollowUpRun run = service().runOnce();

        assertThat(run).isEqualTo(new FollowUpRun(1, 1, 0, 0));
        ArgumentCaptor<OutboundMessage> sent = ArgumentCaptor.forClass(OutboundMessage.class);
        verify(messenger).send(sent.capture());
        assertThat(sent.getValue().chatId()).isEqualTo(new ChatId(1));
        assertThat(sent.getValue().text()).startsWith("Hi Ana,");
        ArgumentCaptor<Message> recorded = ArgumentCaptor.forClass(Message.class);
        verify(conversations).record(recorded.capture());
        assertThat(recorded.getValue().direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(recorded.getValue().inboundKey()).isEqualTo(FollowUpService.keyOf(lead, 0));
    }

    @Test
    void sendsNothingWhenAnotherInstanceClaimedTheFollowUpFirst() {
        Lead lead = quietLead(1);
        when(leads.dueForFollowUp(clock.instant(), 100)).thenReturn(List.of(lead));
        when(leads.claimFollowUp(any(), anyInt(), any(), any(), any())).thenReturn(false);

        FollowUpRun run = service().runOnce();

        assertThat(run).isEqualTo(new FollowUpRun(1, 0, 1, 0));
        verify(messenger, never()).send(any());
    }

    @Test
    void clearsTheNextFollowUpOfALeadHandedOffMeanwhile() {
        Lead lead = quietLead(1).handOff();
        when(leads.dueForFollowUp(clock.instant(), 100)).thenReturn(List.of(lead));

        FollowUpRun run = service().runOnce();

        assertThat(run.skipped()).isEqualTo(1);
        verify(leads).update(lead, Optional.empty());
        verify(leads, never()).claimFollowUp(any(), anyInt(), any(), any(), any());
        verify(messenger, never()).send(any());
    }

    @Test
    void reschedulesALeadThatIsNotDueYet() {
        Lead lead = quietLead(1).customerWrote(clock.instant().minus(Duration.ofHours(1)));
        when(leads.dueForFollowUp(clock.instant(), 100)).thenReturn(List.of(lead));

        service().runOnce();

        verify(leads).update(lead, Optional.of(lead.lastCustomerMessageAt().plus(Duration.ofHours(24))));
        verify(messenger, never()).send(any());
    }

    @Test
    void marksTheLeadBlockedWhenTheCustomerBlockedTheBot() {
        Lead lead = quietLead(1);
        when(leads.dueForFollowUp(clock.instant(), 100)).thenReturn(List.of(lead));
        when(leads.claimFollowUp(any(), anyInt(), any(), any(), any())).thenReturn(true);
        when(messenger.send(any())).thenReturn(new SendResult.Blocked());
        when(leads.find(lead.id())).thenReturn(Optional.of(lead.followUpSent(clock.instant()).atVersion(1)));
        when(leads.update(any(), any())).thenAnswer(call -> Optional.of(call.getArgument(0)));

        FollowUpRun run = service().runOnce();

        assertThat(run.failed()).isEqualTo(1);
        ArgumentCaptor<Lead> updated = ArgumentCaptor.forClass(Lead.class);
        verify(leads).update(updated.capture(), eq(Optional.empty()));
        assertThat(updated.getValue().reachability()).isEqualTo(Reachability.BLOCKED);
        verify(conversations, never()).record(any());
    }

    @Test
    void goesOnWithTheNextLeadAfterAStorageFailure() {
        Lead failing = quietLead(1);
        Lead fine = quietLead(2);
        when(leads.dueForFollowUp(clock.instant(), 100)).thenReturn(List.of(failing, fine));
        when(leads.claimFollowUp(eq(failing.id()), anyInt(), any(), any(), any()))
                .thenThrow(new TransientStorageException("leads.claim", "503"));
        when(leads.claimFollowUp(eq(fine.id()), anyInt(), any(), any(), any())).thenReturn(true);
        when(messenger.send(any())).thenReturn(new SendResult.Sent("2:1"));

        FollowUpRun run = service().runOnce();

        assertThat(run).isEqualTo(new FollowUpRun(2, 1, 0, 1));
    }

    @Test
    void countsUndeliverableFollowUpsAsFailedWithoutRetryingThem() {
        Lead lead = quietLead(1);
        when(leads.dueForFollowUp(clock.instant(), 100)).thenReturn(List.of(lead));
        when(leads.claimFollowUp(any(), anyInt(), any(), any(), any())).thenReturn(true);
        when(messenger.send(any())).thenReturn(new SendResult.RateLimited(Duration.ofSeconds(3)));

        FollowUpRun run = service().runOnce();

        assertThat(run).isEqualTo(new FollowUpRun(1, 0, 0, 1));
        verify(messenger).send(any());
    }
}
