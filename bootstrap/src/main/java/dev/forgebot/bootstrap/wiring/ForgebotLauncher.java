package dev.forgebot.bootstrap.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.forgebot.adapter.insforge.files.InsForgeBuckets;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.schema.InsForgeCheck;
import dev.forgebot.adapter.insforge.schema.InsForgeMigrations;
import dev.forgebot.adapter.local.ImportReport;
import dev.forgebot.adapter.local.KnowledgeImporter;
import dev.forgebot.adapter.local.jdbc.EmbeddedDatabase;
import dev.forgebot.adapter.local.terminal.TerminalChannel;
import dev.forgebot.adapter.local.terminal.TerminalSettings;
import dev.forgebot.adapter.telegram.TelegramCheck;
import dev.forgebot.adapter.telegram.api.HttpTelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.application.port.out.StorageException;
import dev.forgebot.bootstrap.cli.BotLauncher;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import dev.forgebot.bootstrap.runtime.ShutdownSignals;
import dev.forgebot.domain.lead.ChatId;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts forgebot as configured. With no Telegram token and no InsForge project (the embedded
 * default) it runs on the embedded store with the terminal as its channel, until {@code /quit},
 * the end of input, or a stop signal; then it shuts down gracefully and returns exit code 0. With a
 * Telegram token it talks to customers on Telegram (long polling, or a webhook) until a stop signal,
 * on InsForge when configured and on the embedded store otherwise.
 */
public final class ForgebotLauncher implements BotLauncher {

    private static final Logger log = LoggerFactory.getLogger(ForgebotLauncher.class);

    private final InputStream in;
    private final PrintStream out;

    public ForgebotLauncher(InputStream in, PrintStream out) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** The modules of the embedded default: runtime, core, embedded store, terminal. */
    public static Injector embeddedDefault(ForgebotConfig config, InputStream in, PrintStream out) {
        return terminalBot(config, new LocalModule(config.dataDir()), in, out);
    }

    /** The terminal as the channel over the given storage module. */
    static Injector terminalBot(ForgebotConfig config, com.google.inject.Module storage, InputStream in, PrintStream out) {
        TerminalSettings terminal = TerminalSettings.defaults();
        return Guice.createInjector(Stage.PRODUCTION,
                new RuntimeModule(),
                new CoreModule(CoreSettings.of(terminal.operatorsChat(), config.followUpSchedule())
                        .withInstanceId(config.instanceId())),
                storage,
                new TerminalModule(terminal, config.dataDir(), in, out));
    }

    /** The modules of the Telegram bot: runtime, core, the configured storage, Telegram. */
    public static Injector telegramBot(ForgebotConfig config) {
        com.google.inject.Module storage = config.insforgeEnabled() ? new InsForgeModule(config) : new LocalModule(config.dataDir());
        return Guice.createInjector(Stage.PRODUCTION,
                new RuntimeModule(),
                new CoreModule(CoreSettings.of(new ChatId(config.operatorChatId().orElseThrow()), config.followUpSchedule())
                        .withInstanceId(config.instanceId())),
                storage,
                new TelegramModule(config));
    }

    /**
     * Starts the Telegram bot: storage ready, the token accepted, the webhook state fitting the mode,
     * then the bot and its intake. Returns the running bot, or empty after printing why it cannot run.
     */
    Optional<RunningBot> startTelegram(ForgebotConfig config) {
        Injector injector = telegramBot(config);
        if (config.insforgeEnabled() && insforgeReady(injector) != 0) {
            return Optional.empty();
        }
        TelegramCheck.Report report = new TelegramCheck(injector.getInstance(TelegramApi.class)).check(config.webhookUrl());
        report.lines().forEach(line -> log.info("telegram check: {}", line));
        if (!report.ok()) {
            out.println("forgebot: Telegram is not usable as configured:");
            report.lines().forEach(line -> out.println("  " + line));
            injector.getInstance(HttpTelegramApi.class).close();
            return Optional.empty();
        }
        try {
            return Optional.of(RunningBot.start(injector, config, Optional.of(injector.getInstance(ChannelIntake.class))));
        } catch (RuntimeException e) {
            log.error("the Telegram channel could not start", e);
            out.println("forgebot: the Telegram channel could not start: " + e.getMessage());
            return Optional.empty();
        }
    }

    private int runTelegram(ForgebotConfig config) {
        Optional<RunningBot> started = startTelegram(config);
        if (started.isEmpty()) {
            return 1;
        }
        RunningBot bot = started.get();
        ShutdownSignals.onStop("forgebot-shutdown", bot::stop);
        out.println("forgebot is running on Telegram (" + (config.webhookUrl().isPresent() ? "webhook" : "long polling")
                + ", data in " + (config.insforgeEnabled() ? "InsForge" : config.dataDir().toAbsolutePath()) + ")."
                + " SIGTERM or Ctrl-C stops it.");
        try {
            bot.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bot.stop();
        }
        return 0;
    }

    @Override
    public int run(ForgebotConfig config) {
        if (config.telegramEnabled()) {
            return runTelegram(config);
        }
        Injector injector;
        if (config.insforgeEnabled()) {
            injector = terminalBot(config, new InsForgeModule(config), in, out);
            int ready = insforgeReady(injector);
            if (ready != 0) {
                return ready;
            }
        } else {
            injector = embeddedDefault(config, in, out);
        }
        RunningBot bot = RunningBot.start(injector, config);
        ShutdownSignals.onStop("forgebot-shutdown", bot::stop);
        out.println("forgebot is running in this terminal (data in " + config.dataDir().toAbsolutePath() + ").");
        out.println("Ask a question. op> lines are the operator's (op> /stats, op> /drafts); /quit or Ctrl-D stops.");
        try {
            TerminalChannel.Stop stop = injector.getInstance(TerminalChannel.class).run();
            log.info("terminal channel stopped reason={}", stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            bot.stop();
        }
        return 0;
    }

    /** InsForge reachable, its schema current, the files bucket private: 0, else an exit code. */
    private int insforgeReady(Injector injector) {
        try {
            log.info("insforge reachable version={}", injector.getInstance(InsForgeHttpClient.class).checkHealth());
            List<String> pending = injector.getInstance(InsForgeMigrations.class).pending();
            if (!pending.isEmpty()) {
                out.println("forgebot: the InsForge schema is not current (" + pending.size()
                        + " migration(s) missing: " + String.join(", ", pending) + "). Run 'forgebot migrate' first.");
                return 1;
            }
            injector.getInstance(InsForgeBuckets.class).ensureFilesBucket();
            return 0;
        } catch (StorageException e) {
            out.println("forgebot: InsForge is not usable: " + e.getMessage() + ". 'forgebot check' says more.");
            return 1;
        }
    }

    @Override
    public int schema(ForgebotConfig config, PrintStream sink) {
        InsForgeMigrations.load(InsForgeMigrations.DEFAULT_INDEX).forEach(m -> {
            sink.println("-- " + m.name());
            sink.println(m.sql());
        });
        return 0;
    }

    @Override
    public int migrate(ForgebotConfig config, PrintStream sink) {
        if (!config.insforgeEnabled()) {
            sink.println("forgebot: set INSFORGE_URL and INSFORGE_API_KEY to migrate an InsForge project.");
            return 2;
        }
        try (InsForgeHttpClient client = Guice.createInjector(new RuntimeModule(), new InsForgeModule(config))
                .getInstance(InsForgeHttpClient.class)) {
            var report = new InsForgeMigrations(client).migrate();
            sink.println("Applied " + report.applied() + "; already there " + report.alreadyApplied()
                    + "; tables checked " + report.verifiedTables() + ".");
            sink.println("Files bucket: " + new InsForgeBuckets(client).ensureFilesBucket());
            return 0;
        } catch (StorageException e) {
            sink.println("forgebot: migrating failed: " + e.getMessage());
            return 1;
        }
    }

    @Override
    public int check(ForgebotConfig config, PrintStream sink) {
        boolean ok = checkStorage(config, sink);
        if (config.telegramEnabled()) {
            try (HttpTelegramApi api = TelegramModule.newApi(config)) {
                var report = new TelegramCheck(api).check(config.webhookUrl());
                report.lines().forEach(sink::println);
                ok &= report.ok();
            }
        } else {
            sink.println("Channel: the terminal (TELEGRAM_BOT_TOKEN not set); nothing remote to check.");
        }
        return ok ? 0 : 1;
    }

    private static boolean checkStorage(ForgebotConfig config, PrintStream sink) {
        if (!config.insforgeEnabled()) {
            sink.println("Storage: embedded (" + config.dataDir().toAbsolutePath() + "); nothing remote to check.");
            return true;
        }
        try (InsForgeHttpClient client = Guice.createInjector(new RuntimeModule(), new InsForgeModule(config))
                .getInstance(InsForgeHttpClient.class)) {
            var report = new InsForgeCheck(client, new InsForgeMigrations(client)).check();
            report.lines().forEach(sink::println);
            return report.ok();
        }
    }

    @Override
    public int importKnowledge(ForgebotConfig config, Path file, PrintStream progress) {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(config.dataDir())) {
            ImportReport report = new KnowledgeImporter(db.knowledge())
                    .importFile(file, rows -> progress.println("... " + rows + " rows read"));
            progress.println("Imported " + report.imported() + " article(s) from " + file + ".");
            report.skipped().forEach(row -> progress.println("Skipped " + row));
            if (!report.complete()) {
                progress.println("The file could not be read to its end; the rows before were imported.");
                return 1;
            }
            progress.println("Running bots pick the articles up at their next reload (op> /reload).");
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            progress.println("forgebot: " + e.getMessage());
            return 2;
        }
    }
}
