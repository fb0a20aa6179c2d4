package dev.forgebot.adapter.telegram;

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
import dev.forgebot.application.pipeline.MessagePipeline;
import dev.forgebot.application.pipeline.Pipelines;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.application.service.HandoffService;
import dev.forgebot.application.service.InboxIntake;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.application.service.LeadEnricher;
import dev.forgebot.application.service.OperatorDesk;
import dev.forgebot.application.service.ReachabilityService;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import dev.forgebot.domain.lead.ChatId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The whole Telegram intake over the application's real pipeline and dispatcher on in-memory fakes.
 * The stores, the messenger (what customers received) and the {@link ScriptedTelegramApi} (what
 * Telegram still holds) outlive a process; each {@link Process} is one run of the bot with its own
 * poller, mapper, services and background tasks, so a test can let one die anywhere and start another.
 */
final class PollingBot {

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
    final ScriptedTelegramApi telegram = new ScriptedTelegramApi();
    final InMemoryUpdateInbox inbox = new InMemoryUpdateInbox();
    final InMemoryLeadRepository leads = new InMemoryLeadRepository();
    final InMemoryConversationLog conversations = new InMemoryConversationLog();
    final InMemoryTicketRepository tickets = new InMemoryTicketRepository();
    final InMemoryQuestionLog questions = new InMemoryQuestionLog();
    final InMemoryScenarioRepository scenarios = new InMemoryScenarioRepository();
    final InMemoryKnowledgeSource source = new InMemoryKnowledgeSource(ARTICLES);
    final RecordingMessenger messenger = new RecordingMessenger();
    final BotSettings settings = BotSettings.defaults(OPERATORS);
    final BotTexts texts = BotTexts.english();
    final FollowUpPolicy followUps = new FollowUpPolicy(FollowUpSchedule.defaults());
    final List<Duration> waits = new ArrayList<>();

    /** What a process is built with: where to plant a crash, how to run background work, how to poll. */
    record Setup(BackgroundTasks tasks, PollerSettings pollerSettings, UnaryOperator<UpdateInbox> inbox,
            UnaryOperator<HandleInboundMessage> intake, UnaryOperator<Messenger> messenger) {

        /** Manual tasks, default polling, no crash. */
        static Setup plain() {
            return new Setup(new ManualTasks(), PollerSettings.defaults(), UnaryOperator.identity(),
                    UnaryOperator.identity(), UnaryOperator.identity());
        }

        Setup withInbox(UnaryOperator<UpdateInbox> wrap) {
            return new Setup(tasks, pollerSettings, wrap, intake, messenger);
        }

        Setup withIntake(UnaryOperator<HandleInboundMessage> wrap) {
            return new Setup(tasks, pollerSettings, inbox, wrap, messenger);
        }

        Setup withMessenger(UnaryOperator<Messenger> wrap) {
            return new Setup(tasks, pollerSettings, inbox, intake, wrap);
        }

        Setup with(BackgroundTasks backgroundTasks, PollerSettings poller) {
            return new Setup(backgroundTasks, poller, inbox, intake, messenger);
        }
    }

    /** A fresh process with manual tasks and no crash. */
    Process start() {
        return start(Setup.plain());
    }

    /** A fresh process over the same stores and the same Telegram. */
    Process start(Setup setup) {
        BackgroundTasks tasks = setup.tasks();
        UpdateInbox processInbox = setup.inbox().apply(inbox);
        Messenger processMessenger = setup.messenger().apply(messenger);
        KnowledgeService knowledge = new KnowledgeService(source, scenarios);
        ReachabilityService reachability = new ReachabilityService(leads, followUps);
        HandoffService handoffs = new HandoffService(settings, leads, tickets, conversations, processMessenger, followUps);
        OperatorDesk desk = new OperatorDesk(settings, leads, tickets, conversations, processMessenger,
                new InMemoryStatistics(leads, conversations, tickets, questions, scenarios), knowledge, scenarios, followUps);
        LeadEnricher enricher = new LeadEnricher(leads, conversations, followUps);
        MessagePipeline pipeline = Pipelines.standard(settings, texts, followUps, leads, conversations, questions, knowledge,
                new InMemoryChannelFiles(), new InMemoryFileStore(), processMessenger, Optional.empty(), reachability,
                handoffs, desk, enricher, tasks, clock);
        InboxDispatcher dispatcher = new InboxDispatcher(processInbox, pipeline, tasks, processMessenger, texts, clock,
                new DispatcherSettings(500, 20_000, 5, Duration.ofSeconds(2), Duration.ofMinutes(5)));
        HandleInboundMessage intake = setup.intake().apply(new InboxIntake(processInbox, dispatcher, clock));
        TelegramUpdatePoller poller = new TelegramUpdatePoller(telegram, intake,
                new TelegramUpdateMapper(new ChatMigrations(), clock), setup.pollerSettings(), waits::add, () -> 0.5);
        return new Process(poller, dispatcher, tasks);
    }

    /** One run of the bot. */
    record Process(TelegramUpdatePoller poller, InboxDispatcher dispatcher, BackgroundTasks tasks) {

        /** Runs dispatcher passes and every task they start until nothing is left (manual tasks only). */
        void drain() {
            ManualTasks manual = (ManualTasks) tasks;
            manual.runAll();
            while (dispatcher.dispatchOnce() > 0) {
                manual.runAll();
            }
        }

        /** Polls until Telegram has nothing more, then drains. */
        void pollAndDrain() throws InterruptedException {
            while (poller.pollOnce() instanceof PollOutcome.Received) {
                drain();
            }
            drain();
        }
    }

    /** A simulated death of the process: an {@link Error}, which neither the poller nor the dispatcher catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    /**
     * {@code target} as a {@code port} whose every call of {@code method} dies: before the call runs,
     * or after it ran (its effect done, its answer never seen).
     */
    static <T> T crashing(Class<T> port, T target, String method, boolean afterTheCall) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, called, args) -> {
            if (called.getDeclaringClass() == Object.class) {
                return switch (called.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "Crashing[" + target + "]";
                };
            }
            boolean crashHere = called.getName().equals(method);
            if (crashHere && !afterTheCall) {
                throw new SimulatedCrash("before " + port.getSimpleName() + "." + method);
            }
            Object result;
            try {
                result = called.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (crashHere) {
                throw new SimulatedCrash("after " + port.getSimpleName() + "." + method);
            }
            return result;
        });
        return port.cast(proxy);
    }
}
