package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.ReloadKnowledge;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.port.out.Statistics;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.conversation.TicketStatus;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadStatus;
import dev.forgebot.domain.lead.Reachability;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class OperatorDeskTest {

    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final ChatId OPERATORS = new ChatId(-100);
    private static final ChatId CUSTOMER_CHAT = new ChatId(42);
    private static final InboundKey OPERATOR_KEY = new InboundKey("telegram", "2001");

    private final LeadRepository leads = mock(LeadRepository.class);
    private final TicketRepository tickets = mock(TicketRepository.class);
    private final ConversationLog conversations = mock(ConversationLog.class);
    private final Messenger messenger = mock(Messenger.class);
    private final Statistics statistics = mock(Statistics.class);
    private final ReloadKnowledge reload = mock(ReloadKnowledge.class);
    private final ScenarioRepository scenarios = mock(ScenarioRepository.class);
    private final OperatorDesk desk = new OperatorDesk(BotSettings.defaults(OPERATORS), leads, tickets, conversations,
            messenger, statistics, reload, scenarios, new FollowUpPolicy(FollowUpSchedule.defaults()));

    private final Lead lead = Lead.firstContact(LeadId.random(), new CustomerId(42), CUSTOMER_CHAT,
            ContactFacts.displayedAs("Ana Silva"), NOW.minusSeconds(600)).handOff();
    private final Ticket ticket = Ticket.open(TicketId.random(), lead.id(), CUSTOMER_CHAT, "/human", NOW.minusSeconds(300))
            .postedAs("op:1");

    OperatorDeskTest() {
        when(messenger.send(any())).thenReturn(new SendResult.Sent("ref"));
        when(tickets.findByOperatorMessage("op:1")).thenReturn(Optional.of(ticket));
        when(tickets.findByOperatorMessage("other")).thenReturn(Optional.empty());
        when(conversations.find(any(), any())).thenReturn(Optional.empty());
        when(leads.find(lead.id())).thenReturn(Optional.of(lead));
        when(leads.update(any(), any())).thenAnswer(call -> Optional.of(call.getArgument(0)));
    }

    private static ChatMessage operator(String text, Optional<String> replyTo) {
        return new ChatMessage(OPERATOR_KEY, OPERATORS, new InboundEvent.Sender(new CustomerId(7), "Olga"), text, NOW,
                replyTo, Optional.empty(), Optional.empty());
    }

    private String toldOperators() {
        ArgumentCaptor<OutboundMessage> sent = ArgumentCaptor.forClass(OutboundMessage.class);
        verify(messenger).send(sent.capture());
        assertThat(sent.getValue().chatId()).isEqualTo(OPERATORS);
        return sent.getValue().text();
    }

    @Test
    void anOperatorsReplyToASummaryReachesTheCustomerAndIsRecorded() {
        StepOutcome outcome = desk.handle(operator("Hi Ana, Olga here. Pro is 30 EUR.", Optional.of("op:1")), NOW);

        assertThat(outcome).isEqualTo(new StepOutcome.Finish(InboxState.HANDLED));
        verify(messenger).send(OutboundMessage.text(CUSTOMER_CHAT, "Hi Ana, Olga here. Pro is 30 EUR."));
        ArgumentCaptor<Message> recorded = ArgumentCaptor.forClass(Message.class);
        verify(conversations).record(recorded.capture());
        assertThat(recorded.getValue().direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(recorded.getValue().leadId()).isEqualTo(lead.id());
        assertThat(recorded.getValue().inboundKey()).isEqualTo(OPERATOR_KEY);
        assertThat(recorded.getValue().text()).isEqualTo("Hi Ana, Olga here. Pro is 30 EUR.");
    }

    @Test
    void aReplyRecordedOnAnEarlierRunIsNotSentAgain() {
        when(conversations.find(OPERATOR_KEY, Direction.OUTBOUND)).thenReturn(Optional.of(new Message(MessageId.random(),
                lead.id(), Direction.OUTBOUND, "Hi", OPERATOR_KEY, NOW)));

        desk.handle(operator("Hi", Optional.of("op:1")), NOW);

        verifyNoInteractions(messenger);
    }

    @Test
    void aReplyToACustomerWhoBlockedTheBotMarksThemBlockedAndTellsTheOperators() {
        when(messenger.send(any())).thenAnswer(call -> call.<OutboundMessage>getArgument(0).chatId().equals(CUSTOMER_CHAT)
                ? new SendResult.Blocked() : new SendResult.Sent("ref"));

        desk.handle(operator("Hi", Optional.of("op:1")), NOW);

        ArgumentCaptor<Lead> updated = ArgumentCaptor.forClass(Lead.class);
        verify(leads).update(updated.capture(), eq(Optional.empty()));
        assertThat(updated.getValue().reachability()).isEqualTo(Reachability.BLOCKED);
        verify(messenger).send(OutboundMessage.text(OPERATORS, "Not delivered: the customer has blocked the bot."));
        verify(conversations, never()).record(any());
    }

    @Test
    void aRateLimitedReplyIsRetriedLater() {
        when(messenger.send(any())).thenReturn(new SendResult.RateLimited(Duration.ofSeconds(2)));

        assertThat(desk.handle(operator("Hi", Optional.of("op:1")), NOW)).isInstanceOf(StepOutcome.RetryLater.class);
        verify(conversations, never()).record(any());
    }

    @Test
    void chatterAmongOperatorsIsLeftAlone() {
        assertThat(desk.handle(operator("lunch?", Optional.empty()), NOW)).isEqualTo(new StepOutcome.Finish(InboxState.HANDLED));
        assertThat(desk.handle(operator("sure", Optional.of("other")), NOW)).isEqualTo(new StepOutcome.Finish(InboxState.HANDLED));

        verifyNoInteractions(messenger);
    }

    @Test
    void refusesMessagesFromAnyOtherChat() {
        ChatMessage fromCustomer = ChatMessage.text(OPERATOR_KEY, CUSTOMER_CHAT,
                new InboundEvent.Sender(new CustomerId(42), "Ana"), "/stats", NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> desk.handle(fromCustomer, NOW));
        verifyNoInteractions(statistics, messenger);
    }

    @Test
    void statsShowsTheLast24Hours() {
        when(statistics.since(NOW.minus(Duration.ofHours(24)))).thenReturn(new Statistics.BotStats(120, 7, 30, 55, 2, 4, 3));

        desk.handle(operator("/stats", Optional.empty()), NOW);

        assertThat(toldOperators()).contains("7 new leads", "55 customer messages", "4 unanswered", "120 leads",
                "30 with an email or phone", "2 open handoffs", "3 drafts");
    }

    @Test
    void statsAddressedToTheBotInAGroupWorks() {
        when(statistics.since(any())).thenReturn(new Statistics.BotStats(1, 1, 1, 1, 1, 1, 1));

        desk.handle(operator("/stats@forge_bot", Optional.empty()), NOW);

        verify(statistics).since(any());
    }

    @Test
    void reloadRebuildsTheKnowledgeBase() {
        when(reload.reload()).thenReturn(new ReloadKnowledge.KnowledgeReload(40, 2));

        desk.handle(operator("/reload", Optional.empty()), NOW);

        assertThat(toldOperators()).contains("40 articles", "2 of them from approved drafts");
    }

    private static ScenarioDraft draft(long number, String question, int frequency, String answer) {
        return new ScenarioDraft(number, "fp" + number, question, List.of(question), frequency, answer,
                ScenarioStatus.DRAFT, NOW, Optional.empty());
    }

    @Test
    void draftsListsTheDraftsNumberedWithTheirFrequency() {
        when(scenarios.list(ScenarioStatus.DRAFT, 10)).thenReturn(List.of(
                draft(3, "Do you ship to Norway?", 5, "Yes, in 3 days."), draft(1, "Is there a dark mode?", 1, "")));

        desk.handle(operator("/drafts", Optional.empty()), NOW);

        assertThat(toldOperators()).contains("3. Do you ship to Norway? (asked 5 times)",
                "1. Is there a dark mode? (asked 1 time) [no suggested answer]");
    }

    @Test
    void approveNApprovesAndSaysWhatHappensAtTheNextReload() {
        when(scenarios.approve(3, NOW)).thenReturn(Optional.of(draft(3, "Do you ship to Norway?", 5, "Yes.").approve(NOW)));

        desk.handle(operator("/approve 3", Optional.empty()), NOW);

        verify(scenarios).approve(3, NOW);
        assertThat(toldOperators()).contains("Draft 3 is approved", "next /reload");
    }

    @Test
    void approvingADraftWithoutAnswerSaysItWillNotBecomeAnArticle() {
        when(scenarios.approve(1, NOW)).thenReturn(Optional.of(draft(1, "Dark mode?", 1, "").approve(NOW)));

        desk.handle(operator("/approve 1", Optional.empty()), NOW);

        assertThat(toldOperators()).contains("will not become an article");
    }

    @Test
    void approveWithABadNumberExplainsTheUsage() {
        desk.handle(operator("/approve three", Optional.empty()), NOW);

        verify(scenarios, never()).approve(anyLong(), any());
        assertThat(toldOperators()).startsWith("Usage: /approve N");
    }

    @Test
    void approveWithoutANumberExplainsTheUsage() {
        desk.handle(operator("/approve", Optional.empty()), NOW);

        assertThat(toldOperators()).startsWith("Usage: /approve N");
    }

    @Test
    void approveOfAnUnknownDraftSaysThereIsNone() {
        when(scenarios.approve(99, NOW)).thenReturn(Optional.empty());

        desk.handle(operator("/approve 99", Optional.empty()), NOW);

        assertThat(toldOperators()).contains("no draft number 99");
    }

    @Test
    void closeAsAReplyToASummaryClosesTheTicketAndReturnsTheLeadToTheBot() {
        when(tickets.update(any())).thenAnswer(call -> call.getArgument(0));

        desk.handle(operator("/close", Optional.of("op:1")), NOW);

        ArgumentCaptor<Ticket> closed = ArgumentCaptor.forClass(Ticket.class);
        verify(tickets).update(closed.capture());
        assertThat(closed.getValue().status()).isEqualTo(TicketStatus.CLOSED);
        ArgumentCaptor<Lead> returned = ArgumentCaptor.forClass(Lead.class);
        verify(leads).update(returned.capture(), any());
        assertThat(returned.getValue().status()).isEqualTo(LeadStatus.ENGAGED);
        assertThat(toldOperators()).contains("Ticket closed", "Ana Silva");
    }

    @Test
    void closeWithoutReplyingToASummaryExplainsHow() {
        desk.handle(operator("/close", Optional.empty()), NOW);

        verify(tickets, never()).update(any());
        assertThat(toldOperators()).contains("reply /close to its handoff summary");
    }

    @Test
    void anUnknownCommandGetsTheOperatorsHelp() {
        desk.handle(operator("/start", Optional.empty()), NOW);

        assertThat(toldOperators()).isEqualTo(OperatorDesk.HELP);
        verify(scenarios, never()).list(any(), anyInt());
    }
}
