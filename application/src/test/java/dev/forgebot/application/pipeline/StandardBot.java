package dev.forgebot.application.pipeline;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.BotTexts;
import dev.forgebot.application.fake.InMemoryChannelFiles;
import dev.forgebot.application.fake.InMemoryConversationLog;
import dev.forgebot.application.fake.InMemoryFileStore;
import dev.forgebot.application.fake.InMemoryKnowledgeSource;
import dev.forgebot.application.fake.InMemoryLeadRepository;
import dev.forgebot.application.fake.InMemoryQuestionLog;
import dev.forgebot.application.fake.InMemoryScenarioRepository;
import dev.forgebot.application.fake.InMemoryStatistics;
import dev.forgebot.application.fake.InMemoryTicketRepository;
import dev.forgebot.application.fake.InMemoryUpdateInbox;
import dev.forgebot.application.fake.ManualTasks;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.fake.RecordingMessenger;
import dev.forgebot.application.inbox.DispatcherSettings;
import dev.forgebot.application.inbox.InboxDispatcher;
import dev.forgebot.application.port.in.ChangeReachability;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.service.HandoffService;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.application.service.LeadEnricher;
import dev.forgebot.application.service.OperatorDesk;
import dev.forgebot.application.service.ReachabilityService;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The standard pipeline and the dispatcher over the in-memory fakes, for tests. The fakes and the
 * messenger stand for what outlives a process (the store, and what Telegram delivered); each
 * {@link Process} is one run of the bot with its own services, knowledge snapshot and background
 * tasks, so a test can let one die and start another over the same store.
 */
final class StandardBot {

    static final ChatId OPERATORS = new ChatId(-100);
    static final List<Article> ARTICLES = List.of(
            new Article(new ArticleId("pricing"), "Pricing plans",
                    "The Starter plan costs 10 EUR per month and the Pro plan costs 30 EUR per month. Annual billing saves 20%.",
                    List.of("price", "cost", "plan")),
            new Article(new ArticleId("refunds"), "Refunds",
                    "You can ask for a full refund within 30 days of purchase by writing to billing@example.com.",
                    List.of("refund", "money back")),
            new Article(new ArticleId("export"), "Exporting your data",
                    "Go to Settings, then Export, and choose CSV or JSON. The export is emailed to you within minutes.",
                    List.of("export", "download", "csv")));

    final MutableClock clock = MutableClock.atDefaultStart();
    final InMemoryUpdateInbox inbox = new InMemoryUpdateInbox();
    final InMemoryLeadRepository leads = new InMemoryLeadRepository();
    final InMemoryConversationLog conversations = new InMemoryConversationLog();
    final InMemoryTicketRepository tickets = new InMemoryTicketRepository();
    final InMemoryQuestionLog questions = new InMemoryQuestionLog();
    final InMemoryScenarioRepository scenarios = new InMemoryScenarioRepository();
    final InMemoryKnowledgeSource source = new InMemoryKnowledgeSource(ARTICLES);
    final InMemoryChannelFiles channelFiles = new InMemoryChannelFiles();
    final InMemoryFileStore fileStore = new InMemoryFileStore();
    final RecordingMessenger messenger = new RecordingMessenger();
    final BotSettings settings = BotSettings.defaults(OPERATORS);
    final BotTexts texts = BotTexts.english();
    final FollowUpPolicy followUps = new FollowUpPolicy(FollowUpSchedule.defaults());
    private long nextUpdateId = 1;

    /** A chat message from customer {@code customer} (their chat has the same number). */
    InboundEvent.ChatMessage customer(long customer, String text) {
        return InboundEvent.ChatMessage.text(nextKey(), new ChatId(customer),
                new InboundEvent.Sender(new CustomerId(customer), "Customer " + customer), text, clock.instant());
    }

    /** A message in the operators' chat, optionally replying to {@code replyTo}. */
    InboundEvent.ChatMessage operator(String text, Optional<String> replyTo) {
        return new InboundEvent.ChatMessage(nextKey(), OPERATORS, new InboundEvent.Sender(new CustomerId(7), "Olga"), text,
                clock.instant(), replyTo, Optional.empty(), Optional.empty());
    }

    private InboundKey nextKey() {
        return new InboundKey("telegram", Long.toString(nextUpdateId++));
    }

    void store(InboundEvent... events) {
        inbox.store(List.of(events), clock.instant());
    }

    Optional<Lead> lead(long customer) {
        return leads.findByCustomer(new CustomerId(customer));
    }

    /** A fresh process: new services and knowledge snapshot over the same store. */
    Process start() {
        return start(UnaryOperator.identity(), Optional.empty());
    }

    /**
     * A fresh process whose pipeline steps pass through {@code wrap} (to plant a crash).
     *
     * @param model the language model, if any
     */
    Process start(UnaryOperator<List<PipelineStep>> wrap, Optional<LanguageModel> model) {
        ManualTasks tasks = new ManualTasks();
        KnowledgeService knowledge = new KnowledgeService(source, scenarios);
        ChangeReachability reachability = new ReachabilityService(leads, followUps);
        HandoffService handoffs = new HandoffService(settings, leads, tickets, conversations, messenger, followUps);
        OperatorDesk desk = new OperatorDesk(settings, leads, tickets, conversations, messenger,
                new InMemoryStatistics(leads, conversations, tickets, questions, scenarios), knowledge, scenarios, followUps);
        LeadEnricher enricher = new LeadEnricher(leads, conversations, followUps);
        MessagePipeline standard = Pipelines.standard(settings, texts, followUps, leads, conversations, questions, knowledge,
                channelFiles, fileStore, messenger, model, reachability, handoffs, desk, enricher, tasks, clock);
        MessagePipeline pipeline = new MessagePipeline(wrap.apply(new ArrayList<>(standard.steps())), tasks, clock);
        InboxDispatcher dispatcher = new InboxDispatcher(inbox, pipeline, tasks, messenger, texts, clock,
                new DispatcherSettings(500, 20_000, 5, Duration.ofSeconds(2), Duration.ofMinutes(5)));
        return new Process(dispatcher, pipeline, tasks, knowledge);
    }

    /** One run of the bot. */
    record Process(InboxDispatcher dispatcher, MessagePipeline pipeline, ManualTasks tasks, KnowledgeService knowledge) {

        /** Runs dispatcher passes and every task they start (background work included) until nothing is left. */
        void drain() {
            tasks.runAll();
            while (dispatcher.dispatchOnce() > 0) {
                tasks.runAll();
            }
        }
    }
}
