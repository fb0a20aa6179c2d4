package dev.forgebot.bootstrap.wiring;

import com.google.inject.Injector;
import com.google.inject.Key;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.telegram.api.HttpTelegramApi;
import dev.forgebot.adapter.local.KnowledgeImporter;
import dev.forgebot.adapter.local.jdbc.EmbeddedDatabase;
import dev.forgebot.application.inbox.InboxDispatcher;
import dev.forgebot.application.port.in.RunFollowUps;
import dev.forgebot.application.port.in.RunScenarios;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import dev.forgebot.bootstrap.management.ForgebotMetrics;
import dev.forgebot.bootstrap.management.HealthSnapshot;
import dev.forgebot.bootstrap.management.ManagementServer;
import dev.forgebot.bootstrap.runtime.LoopOutcome;
import dev.forgebot.bootstrap.runtime.LoopSpec;
import dev.forgebot.bootstrap.runtime.LoopState;
import dev.forgebot.bootstrap.runtime.LoopSupervisor;
import dev.forgebot.bootstrap.runtime.ShutdownReport;
import dev.forgebot.bootstrap.runtime.SupervisedExecutor;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot, started: the knowledge base loaded once, the supervised loops (inbox dispatcher,
 * follow-ups, scenario drafts, inbox pruning) running, and the management server up when
 * configured. {@link #stop()} shuts down gracefully: it lets the inbox drain and running work
 * finish within the grace period, interrupts the rest and names it, then closes the database.
 *
 * <p>Thread-safe; {@code stop} runs once, whoever calls it first (the channel ending, or a
 * signal).
 */
public final class RunningBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningBot.class);

    /** Handled inbox entries older than this are pruned; dead letters are kept. */
    static final Duration INBOX_RETENTION = Duration.ofDays(7);

    private final Injector injector;
    private final ForgebotConfig config;
    private final Optional<ChannelIntake> intake;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch stopDone = new CountDownLatch(1);
    private ManagementServer management;

    private RunningBot(Injector injector, ForgebotConfig config, Optional<ChannelIntake> intake) {
        this.injector = injector;
        this.config = config;
        this.intake = intake;
    }

    /** Starts the bot the injector describes, its channel driven from outside (the terminal). */
    public static RunningBot start(Injector injector, ForgebotConfig config) {
        return start(injector, config, Optional.empty());
    }

    /**
     * Starts the bot the injector describes and then the channel's intake.
     *
     * @throws RuntimeException if the intake cannot start; the bot is stopped again first
     */
    static RunningBot start(Injector injector, ForgebotConfig config, Optional<ChannelIntake> intake) {
        RunningBot bot = new RunningBot(Objects.requireNonNull(injector, "injector"), Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(intake, "intake"));
        bot.startUp();
        try {
            intake.ifPresent(channel -> {
                channel.start(injector.getInstance(LoopSupervisor.class));
                log.info("channel intake started channel={}", channel.name());
            });
            config.managementPort().ifPresent(bot::startManagement);
        } catch (RuntimeException e) {
            bot.stop();
            throw e;
        }
        return bot;
    }

    private void startUp() {
        new KnowledgeImporter(injector.getInstance(KnowledgeSource.class)).importSampleIfEmpty().ifPresent(report -> log.info(
                "sample knowledge base imported articles={} skipped={}", report.imported(), report.skipped().size()));
        int articles = injector.getInstance(KnowledgeService.class).current().size();
        log.info("knowledge base loaded articles={}", articles);

        InboxDispatcher dispatcher = injector.getInstance(InboxDispatcher.class);
        RunFollowUps followUps = injector.getInstance(RunFollowUps.class);
        RunScenarios scenarios = injector.getInstance(RunScenarios.class);
        UpdateInbox inbox = injector.getInstance(UpdateInbox.class);
        Clock clock = injector.getInstance(Clock.class);
        LoopSupervisor loops = injector.getInstance(LoopSupervisor.class);
        // Channels wake the dispatcher as messages arrive; this pass picks up retries and whatever
        // a crash left pending.
        loops.start(new LoopSpec("inbox-dispatcher", () -> {
            dispatcher.dispatchOnce();
            return LoopOutcome.CONTINUE;
        }, Duration.ofSeconds(1)));
        loops.start(new LoopSpec("follow-ups", () -> {
            followUps.runOnce();
            return LoopOutcome.CONTINUE;
        }, Duration.ofMinutes(1)));
        loops.start(new LoopSpec("scenarios", () -> {
            scenarios.runOnce();
            return LoopOutcome.CONTINUE;
        }, config.scenarioInterval()));
        loops.start(new LoopSpec("inbox-pruner", () -> {
            int pruned = inbox.pruneHandled(clock.instant().minus(INBOX_RETENTION));
            if (pruned > 0) {
                log.info("handled inbox entries pruned count={}", pruned);
            }
            return LoopOutcome.CONTINUE;
        }, Duration.ofHours(1)));
    }

    private void startManagement(int port) {
        PrometheusMeterRegistry registry = injector.getInstance(PrometheusMeterRegistry.class);
        ForgebotMetrics metrics = injector.getInstance(ForgebotMetrics.class);
        SupervisedExecutor executor = injector.getInstance(SupervisedExecutor.class);
        LoopSupervisor loops = injector.getInstance(LoopSupervisor.class);
        UpdateInbox inbox = injector.getInstance(UpdateInbox.class);
        metrics.bindBackgroundTasks(state -> switch (state) {
            case "launched" -> executor.counts().launched();
            case "running" -> executor.counts().running();
            case "failed" -> executor.counts().failed();
            default -> 0;
        });
        metrics.bindLoopRestarts(List.copyOf(loops.states().keySet()),
                loop -> Optional.ofNullable(loops.states().get(loop)).map(LoopState::restarts).orElse(0));
        metrics.bindInboxDepth(inbox::pendingCount);
        intake.ifPresent(channel -> channel.bindMetrics(metrics));
        management = new ManagementServer(config.managementHost(), port,
                command -> executor.launch("management-request", command::run), this::health, registry);
        management.start();
        log.info("management server listening address={}", management.address());
    }

    /** Liveness, readiness and each loop's state, for {@code /healthz}. */
    public HealthSnapshot health() {
        LoopSupervisor loops = injector.getInstance(LoopSupervisor.class);
        Map<String, String> states = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        loops.states().forEach((name, state) -> {
            states.put(name, state.status().name());
            if (state.status() == LoopState.Status.FATAL) {
                problems.add(name + ": " + Optional.ofNullable(state.lastError()).orElse("stopped"));
            }
        });
        Map<String, String> channel = new LinkedHashMap<>();
        intake.ifPresent(in -> in.describe(channel, problems));
        return new HealthSnapshot(!stopped.get(), loops.healthy() && !stopped.get() && problems.isEmpty(), states, problems,
                channel);
    }

    /**
     * Stops the bot gracefully (once): lets pending inbox entries be handled and background work
     * finish within the configured grace, interrupts and names what is left, closes the database.
     * A second caller (a stop signal arriving while the channel's end already started the stop)
     * waits for the first to finish, so the process does not exit halfway through.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            shutDown();
        } finally {
            stopDone.countDown();
        }
    }

    /** Blocks until a stop (from a signal, or another thread) has finished. */
    public void awaitStop() throws InterruptedException {
        stopDone.await();
    }

    private void awaitStopped() {
        try {
            if (!stopDone.await(config.shutdownGrace().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("gave up waiting for the shutdown in progress");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutDown() {
        Duration grace = config.shutdownGrace();
        Clock clock = injector.getInstance(Clock.class);
        Instant deadline = clock.instant().plus(grace);
        intake.ifPresent(channel -> {
            // Intake first: nothing new arrives while the inbox drains, and what was stored is confirmed.
            channel.stop(remaining(clock, deadline));
            log.info("channel intake stopped channel={}", channel.name());
        });
        awaitInboxDrained(clock, deadline);
        if (management != null) {
            // Its requests run on the executor, which is about to stop taking work.
            management.close();
        }
        List<String> loopsLeft = injector.getInstance(LoopSupervisor.class).stop(remaining(clock, deadline));
        ShutdownReport tasks = injector.getInstance(SupervisedExecutor.class).shutdown(remaining(clock, deadline));
        closeIfBound(EmbeddedDatabase.class);
        closeIfBound(InsForgeHttpClient.class);
        closeIfBound(HttpTelegramApi.class);
        if (loopsLeft.isEmpty() && tasks.finishedInTime()) {
            log.info("forgebot stopped cleanly");
        } else {
            log.warn("forgebot stopped with work cut short loops={} tasks={}", loopsLeft, tasks.unfinishedNames());
        }
    }

    /** Closes the store's resources of whichever storage module the bot was built with. */
    private void closeIfBound(Class<? extends AutoCloseable> type) {
        if (injector.getExistingBinding(Key.get(type)) == null) {
            return;
        }
        try {
            injector.getInstance(type).close();
        } catch (Exception e) {
            log.warn("closing failed resource={} error={}", type.getSimpleName(), e.getMessage());
        }
    }

    private void awaitInboxDrained(Clock clock, Instant deadline) {
        UpdateInbox inbox = injector.getInstance(UpdateInbox.class);
        Sleeper sleeper = injector.getInstance(Sleeper.class);
        InboxDispatcher dispatcher = injector.getInstance(InboxDispatcher.class);
        try {
            while (clock.instant().isBefore(deadline) && (inbox.pendingCount() > 0 || dispatcher.runningChats() > 0)) {
                sleeper.sleep(Duration.ofMillis(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not check the inbox while stopping error={}", e.getMessage());
        }
    }

    private static Duration remaining(Clock clock, Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public void close() {
        stop();
    }
}
