package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.TelegramApi;
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
import dev.forgebot.application.inbox.DispatcherSettings;
import dev.forgebot.application.inbox.InboxDispatcher;
import dev.forgebot.application.pipeline.MessagePipeline;
import dev.forgebot.application.pipeline.Pipelines;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.Sleeper;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The whole Telegram intake over the application's real pipeline and dispatcher, with the stores on
 * in-memory fakes. The stores and the {@link Telegram} side (what Telegram still holds, what customers
 * received) outlive a process; each {@link Process} is one run of the bot with its own poller, mapper,
 * services, background tasks and Bot API connection, so a test can let one die anywhere and start
 * another. The Telegram side is either in memory ({@link InMemoryTelegram}: a {@link ScriptedTelegramApi}
 * and a {@code RecordingMessenger}, for unit tests) or the fake Bot API over loopback HTTP
 * ({@link LoopbackTelegram}: per process a real {@code HttpTelegramApi} and {@link TelegramMessenger}).
 * Closing the bot closes every process's connection and the Telegram side.
 */
final class PollingBot implements AutoCloseable {

    /**
     * Telegram as the bot's processes reach it: it outlives them, as Telegram outlives a crashed bot.
     * Update ids increase by one per update from 1.
     */
    interface Telegram extends AutoCloseable {

        /** A customer writes {@code text} in their private chat {@code chat}; returns the update's id. */
        long customerWrites(long chat, String text);

        /** The Bot API client and the messenger of one new process, sharing its chat migrations. */
        Connection connect(Clock clock, ChatMigrations migrations, Sleeper sleeper);

        /** The texts the customer in {@code chat} received, in the order Telegram accepted them. */
        List<String> textsTo(long chat);

        /** How many messages Telegram accepted in all. */
        int sentCount();

        /** How many updates Telegram still holds, not yet confirmed. */
        int pendingUpdates();

        /** The {@code offset} of every {@code getUpdates}, in order (empty where none was sent). */
        List<OptionalLong> getUpdatesOffsets();

        /** The highest offset any {@code getUpdates} sent: every update below it is confirmed (0: none). */
        long confirmedBelow();

        @Override
        void close();
    }

    /** What one process talks to Telegram with; {@code close} ends its connections. */
    record Connection(TelegramApi api, Messenger messenger, Runnable close) {
    }

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
                    List.of("export", "download", "csv")),
            new Article(new ArticleId("invoices"), "Invoices",
                    "Every invoice is in Billing, then Invoices, with VAT shown separately. Reissued ones keep their number.",
                    List.of("invoice", "vat", "receipt")),
            new Article(new ArticleId("password"), "Resetting your password",
                    "Click 'Forgot password' on the login page; the reset link is valid for one hour.",
                    List.of("password", "login", "reset")));

    final MutableClock clock = MutableClock.atDefaultStart();
    final Telegram telegram;
    final InMemoryUpdateInbox inbox = new InMemoryUpdateInbox();
    final InMemoryLeadRepository leads = new InMemoryLeadRepository();
    final InMemoryConversationLog conversations = new InMemoryConversationLog();
    final InMemoryTicketRepository tickets = new InMemoryTicketRepository();
    final InMemoryQuestionLog questions = new InMemoryQuestionLog();
    final InMemoryScenarioRepository scenarios = new InMemoryScenarioRepository();
    final InMemoryKnowledgeSource source = new InMemoryKnowledgeSource(ARTICLES);
    final BotSettings settings = BotSettings.defaults(OPERATORS);
    final BotTexts texts = BotTexts.english();
    final FollowUpPolicy followUps = new FollowUpPolicy(FollowUpSchedule.defaults());
    /** Every wait of the poller and the messengers (nobody really waits); read and written by many threads. */
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());

    /** A bot with no process running yet, talking to {@code telegram}, which it closes with itself. */
    PollingBot(Telegram telegram) {
        this.telegram = Objects.requireNonNull(telegram, "telegram");
    }

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

    /** A fresh process over the same stores and the same Telegram, with its own Bot API connection. */
    Process start(Setup setup) {
        BackgroundTasks tasks = setup.tasks();
        ChatMigrations migrations = new ChatMigrations();
        Connection connection = telegram.connect(clock, migrations, waits::add);
        UpdateInbox processInbox = setup.inbox().apply(inbox);
        Messenger processMessenger = setup.messenger().apply(connection.messenger());
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
        TelegramUpdatePoller poller = new TelegramUpdatePoller(connection.api(), intake,
                new TelegramUpdateMapper(migrations, clock), setup.pollerSettings(), waits::add, () -> 0.5);
        Process process = new Process(poller, dispatcher, tasks, connection);
        processes.add(process);
        return process;
    }

    /** Closes every process's connection, then the Telegram side. */
    @Override
    public void close() {
        synchronized (processes) {
            processes.forEach(Process::close);
        }
        telegram.close();
    }

    /** One run of the bot. */
    record Process(TelegramUpdatePoller poller, InboxDispatcher dispatcher, BackgroundTasks tasks,
            Connection connection) {

        /** Ends the process's connections to Telegram, as its death would (again: no effect). */
        void close() {
            connection.close().run();
        }

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
