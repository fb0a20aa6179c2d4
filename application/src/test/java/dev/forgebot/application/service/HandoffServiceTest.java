package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class HandoffServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final ChatId OPERATORS = new ChatId(-100);

    private final LeadRepository leads = mock(LeadRepository.class);
    private final TicketRepository tickets = mock(TicketRepository.class);
    private final ConversationLog conversations = mock(ConversationLog.class);
    private final Messenger messenger = mock(Messenger.class);
    private final HandoffService service = new HandoffService(BotSettings.defaults(OPERATORS), leads, tickets,
            conversations, messenger, new FollowUpPolicy(FollowUpSchedule.defaults()));
    private final Lead lead = Lead.firstContact(LeadId.random(), new CustomerId(42), new ChatId(42),
            ContactFacts.displayedAs("Ana Silva"), NOW.minusSeconds(60));

    HandoffServiceTest() {
        when(leads.update(any(), any())).thenAnswer(call -> Optional.of(call.getArgument(0)));
        when(tickets.openIfNone(any())).thenAnswer(call -> call.getArgument(0));
        when(tickets.update(any())).thenAnswer(call -> call.getArgument(0));
        when(conversations.recent(any(), anyInt())).thenReturn(List.of(
                message(Direction.INBOUND, "How much is the Pro plan? I'm Ana from Acme, ana@acme.com"),
                message(Direction.OUTBOUND, "Pro is 30 EUR a month."),
                message(Direction.INBOUND, "can I talk to a human")));
    }

    private Message message(Direction direction, String text) {
        return new Message(MessageId.random(), lead.id(), direction, text, new InboundKey("telegram", "1"), NOW);
    }

    @Test
    void opensATicketHandsTheLeadOffAndPostsASummaryToTheOperators() {
        when(messenger.send(any())).thenReturn(new SendResult.Sent("op:1"));

        HandoffService.Handoff handoff = service.handOff(lead, "can I talk to a human", NOW);

        assertThat(handoff.lead().status()).isEqualTo(LeadStatus.HANDED_OFF);
        verify(leads).update(handoff.lead(), Optional.empty());
        assertThat(handoff.ticket().operatorMessageRef()).contains("op:1");
        verify(tickets).update(handoff.ticket());
        assertThat(handoff.post()).isEqualTo(new HandoffService.Post.Posted("op:1"));
        ArgumentCaptor<OutboundMessage> posted = ArgumentCaptor.forClass(OutboundMessage.class);
        verify(messenger).send(posted.capture());
        assertThat(posted.getValue().chatId()).isEqualTo(OPERATORS);
        assertThat(posted.getValue().text())
                .contains("Ana", "chat 42", "ana@acme.com", "Acme", "Intent: ", "score",
                        "How much is the Pro plan?", "Pro is 30 EUR a month.", "can I talk to a human");
    }

    @Test
    void aSecondHandoffFindsTheTicketPostedAndPostsNothing() {
        Ticket posted = Ticket.open(dev.forgebot.domain.conversation.TicketId.random(), lead.id(), lead.chatId(), "", NOW)
                .postedAs("op:1");
        when(tickets.openIfNone(any())).thenReturn(posted);

        HandoffService.Handoff handoff = service.handOff(lead.handOff(), "/human", NOW);

        assertThat(handoff.ticket()).isEqualTo(posted);
        assertThat(handoff.post()).isEqualTo(new HandoffService.Post.AlreadyPosted());
        verify(messenger, never()).send(any());
        verify(leads, never()).update(any(), any());
        verify(tickets, never()).update(any());
    }

    @Test
    void aRateLimitedPostKeepsTheTicketUnpostedForTheRetry() {
        when(messenger.send(any())).thenReturn(new SendResult.RateLimited(Duration.ofSeconds(4)));

        HandoffService.Handoff handoff = service.handOff(lead, "/human", NOW);

        assertThat(handoff.post()).isEqualTo(new HandoffService.Post.RateLimited(Duration.ofSeconds(4)));
        assertThat(handoff.ticket().operatorMessageRef()).isEmpty();
        verify(tickets, never()).update(any());
    }

    @Test
    void aRefusedPostIsReportedNotRetried() {
        when(messenger.send(any())).thenReturn(new SendResult.ChatGone());

        HandoffService.Handoff handoff = service.handOff(lead, "/human", NOW);

        assertThat(handoff.post()).isInstanceOf(HandoffService.Post.NotPosted.class);
        assertThat(handoff.lead().isHandedOff()).isTrue();
    }

    @Test
    void theSummaryScoresWhatTheConversationSaysBeforeEnrichmentRan() {
        String summary = service.summary(lead, Ticket.open(dev.forgebot.domain.conversation.TicketId.random(), lead.id(),
                lead.chatId(), "", NOW));

        assertThat(summary).contains("Intent: PRICING").contains("email ana@acme.com");
        verify(leads, never()).update(any(), eq(Optional.empty()));
    }
}
