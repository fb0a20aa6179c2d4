package dev.forgebot.application.pipeline.step;

import static dev.forgebot.application.pipeline.step.Fixtures.CHAT;
import static dev.forgebot.application.pipeline.step.Fixtures.CUSTOMER;
import static dev.forgebot.application.pipeline.step.Fixtures.KEY;
import static dev.forgebot.application.pipeline.step.Fixtures.OPERATORS;
import static dev.forgebot.application.pipeline.step.Fixtures.SETTINGS;
import static dev.forgebot.application.pipeline.step.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.ChangeReachability;
import dev.forgebot.application.port.in.ChangeReachability.ReachabilityCommand;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.service.OperatorDesk;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The steps every entry passes first: skipping, operators' chat, lead identification, inbound record. */
class CustomerEntryStepsTest {

    private final FollowUpPolicy followUps = new FollowUpPolicy(FollowUpSchedule.defaults());

    @Test
    void skipsAnUnsupportedEvent() {
        ChangeReachability reachability = mock(ChangeReachability.class);
        PipelineContext context = Fixtures.context(new InboundEvent.Unsupported(KEY, CHAT, "edited_message", T0));

        StepOutcome outcome = new SkipUnsupportedEventStep(reachability).apply(context);

        assertThat(outcome).isEqualTo(new StepOutcome.Finish(InboxState.SKIPPED));
        verifyNoInteractions(reachability);
    }

    @Test
    void passesABlockToChangeReachabilityAndFinishes() {
        ChangeReachability reachability = mock(ChangeReachability.class);
        PipelineContext context = Fixtures.context(new InboundEvent.ReachabilityChanged(KEY, CHAT, CUSTOMER, true, T0));

        StepOutcome outcome = new SkipUnsupportedEventStep(reachability).apply(context);

        assertThat(outcome).isEqualTo(new StepOutcome.Finish(InboxState.HANDLED));
        verify(reachability).change(new ReachabilityCommand(CUSTOMER, true, T0));
    }

    @Test
    void letsAChatMessageThrough() {
        assertThat(new SkipUnsupportedEventStep(mock(ChangeReachability.class)).apply(Fixtures.context(Fixtures.text("hi"))))
                .isEqualTo(StepOutcome.CONTINUE);
    }

    @Test
    void givesMessagesInTheOperatorsChatToTheDesk() {
        OperatorDesk desk = mock(OperatorDesk.class);
        InboundEvent.ChatMessage message = Fixtures.fromOperators("/stats", Optional.empty());
        when(desk.handle(any(), any())).thenReturn(new StepOutcome.Finish(InboxState.HANDLED));

        StepOutcome outcome = new HandleOperatorMessageStep(SETTINGS, desk).apply(Fixtures.context(message));

        assertThat(outcome).isEqualTo(new StepOutcome.Finish(InboxState.HANDLED));
        verify(desk).handle(message, Fixtures.NOW);
    }

    @Test
    void operatorCommandsFromACustomerChatNeverReachTheDesk() {
        OperatorDesk desk = mock(OperatorDesk.class);

        StepOutcome outcome = new HandleOperatorMessageStep(SETTINGS, desk).apply(Fixtures.context(Fixtures.text("/stats")));

        assertThat(outcome).isEqualTo(StepOutcome.CONTINUE);
        verifyNoInteractions(desk);
        assertThat(OPERATORS).isNotEqualTo(CHAT);
    }

    @Test
    void createsTheLeadOfAFirstMessageWithTheSendersNameAndFirstFollowUp() {
        LeadRepository leads = mock(LeadRepository.class);
        when(leads.findOrCreate(any(), any())).thenAnswer(call -> call.getArgument(0));
        PipelineContext context = Fixtures.context(Fixtures.text("hello"));

        new IdentifyLeadStep(leads, followUps).apply(context);

        Lead lead = context.requireLead();
        assertThat(lead.customerId()).isEqualTo(CUSTOMER);
        assertThat(lead.contact().displayName()).contains("Ana Silva");
        assertThat(lead.lastCustomerMessageAt()).isEqualTo(T0);
        verify(leads).findOrCreate(lead, Optional.of(T0.plus(Duration.ofHours(24))));
        verify(leads, never()).update(any(), any());
    }

    @Test
    void notesThatAKnownCustomerWroteAgain() {
        LeadRepository leads = mock(LeadRepository.class);
        Lead known = Fixtures.lead();
        when(leads.findOrCreate(any(), any())).thenReturn(known);
        when(leads.update(any(), any())).thenAnswer(call -> Optional.of(call.getArgument(0)));
        PipelineContext context = Fixtures.context(Fixtures.text("hello again"));

        new IdentifyLeadStep(leads, followUps).apply(context);

        assertThat(context.requireLead().lastCustomerMessageAt()).isEqualTo(T0);
        assertThat(context.requireLead().status()).isEqualTo(LeadStatus.ENGAGED);
        verify(leads).update(context.requireLead(), Optional.of(T0.plus(Duration.ofHours(24))));
    }

    @Test
    void aReRunFindsTheMessageNotedAndWritesNothing() {
        LeadRepository leads = mock(LeadRepository.class);
        Lead alreadyNoted = Fixtures.lead().customerWrote(T0);
        when(leads.findOrCreate(any(), any())).thenReturn(alreadyNoted);
        PipelineContext context = Fixtures.context(Fixtures.text("hello again"));

        new IdentifyLeadStep(leads, followUps).apply(context);

        assertThat(context.requireLead()).isEqualTo(alreadyNoted);
        verify(leads, never()).update(any(), any());
    }

    @Test
    void recordsTheCustomersMessageAsInboundUnderTheEntrysKey() {
        ConversationLog log = mock(ConversationLog.class);
        PipelineContext context = Fixtures.context(Fixtures.text("how much is it?"), PipelineContext.Route.UNROUTED);

        new RecordInboundMessageStep(log).apply(context);

        ArgumentCaptor<Message> recorded = ArgumentCaptor.forClass(Message.class);
        verify(log).record(recorded.capture());
        assertThat(recorded.getValue().inboundKey()).isEqualTo(KEY);
        assertThat(recorded.getValue().direction()).isEqualTo(Direction.INBOUND);
        assertThat(recorded.getValue().text()).isEqualTo("how much is it?");
        assertThat(recorded.getValue().leadId()).isEqualTo(Fixtures.LEAD_ID);
    }

    @Test
    void aFileWithoutCaptionIsRecordedAsANote() {
        InboundEvent.ChatMessage file = new InboundEvent.ChatMessage(new InboundKey("telegram", "5"), CHAT,
                new InboundEvent.Sender(CUSTOMER, ""), "", T0, Optional.empty(), Optional.empty(),
                Optional.of(new InboundEvent.FileRef("f", "scan.png", "image/png", 10)));

        assertThat(RecordInboundMessageStep.textOf(file)).isEqualTo("[file: scan.png]");
    }
}
