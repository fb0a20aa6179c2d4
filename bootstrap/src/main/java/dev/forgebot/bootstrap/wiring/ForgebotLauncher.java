package dev.forgebot.bootstrap.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.forgebot.adapter.local.ImportReport;
import dev.forgebot.adapter.local.KnowledgeImporter;
import dev.forgebot.adapter.local.jdbc.EmbeddedDatabase;
import dev.forgebot.adapter.local.terminal.TerminalChannel;
import dev.forgebot.adapter.local.terminal.TerminalSettings;
import dev.forgebot.bootstrap.cli.BotLauncher;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import dev.forgebot.bootstrap.runtime.ShutdownSignals;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts forgebot as configured. With no Telegram token and no InsForge project (the embedded
 * default) it runs on the embedded store with the terminal as its channel, until {@code /quit},
 * the end of input, or a stop signal; then it shuts down gracefully and returns exit code 0.
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
        TerminalSettings terminal = TerminalSettings.defaults();
        return Guice.createInjector(Stage.PRODUCTION,
                new RuntimeModule(),
                new CoreModule(CoreSettings.of(terminal.operatorsChat(), config.followUpSchedule())),
                new LocalModule(config.dataDir()),
                new TerminalModule(terminal, config.dataDir(), in, out));
    }

    @Override
    public int run(ForgebotConfig config) {
        if (config.telegramEnabled() || config.insforgeEnabled()) {
            out.println("forgebot: this build runs the embedded default only; the Telegram and InsForge adapters "
                    + "are not wired yet. Unset TELEGRAM_BOT_TOKEN and INSFORGE_URL to run in the terminal.");
            return 2;
        }
        Injector injector = embeddedDefault(config, in, out);
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
