package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.Statistics;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link Statistics} computed from the other in-memory fakes, with the meaning of each figure in
 * {@link BotStats}; windows start at {@code since}, inclusive. Thread-safe (reads each fake under its lock).
 */
public final class InMemoryStatistics implements Statistics {

    private final InMemoryLeadRepository leads;
    private final InMemoryConversationLog conversations;
    private final InMemoryTicketRepository tickets;
    private final InMemoryQuestionLog questions;
    private final InMemoryScenarioRepository scenarios;

    public InMemoryStatistics(InMemoryLeadRepository leads, InMemoryConversationLog conversations,
            InMemoryTicketRepository tickets, InMemoryQuestionLog questions, InMemoryScenarioRepository scenarios) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.questions = Objects.requireNonNull(questions, "questions");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
    }

    @Override
    public BotStats since(Instant since) {
        var allLeads = leads.all();
        long newLeads = allLeads.stream().filter(l -> !l.createdAt().isBefore(since)).count();
        long qualified = allLeads.stream().filter(l -> l.contact().isReachableOffChannel()).count();
        long inbound = conversations.all().stream()
                .filter(m -> m.direction() == Direction.INBOUND && !m.createdAt().isBefore(since))
                .count();
        long openTickets = tickets.open(Integer.MAX_VALUE).size();
        long unanswered = questions.all().stream().filter(q -> !q.askedAt().isBefore(since)).count();
        long drafts = scenarios.list(ScenarioStatus.DRAFT, Integer.MAX_VALUE).size();
        return new BotStats(allLeads.size(), newLeads, qualified, inbound, openTickets, unanswered, drafts);
    }
}
