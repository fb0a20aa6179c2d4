package dev.forgebot.bootstrap.cli;

import dev.forgebot.bootstrap.config.ConfigException;
import dev.forgebot.bootstrap.config.ConfigLoader;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code forgebot}: runs the bot (also with no subcommand) or imports a knowledge base. Configuration
 * comes from the environment (design.md, "Configuration"), loaded only when an action runs, so
 * {@code --help} and {@code --version} work whatever the environment holds.
 */
@Command(
        name = "forgebot",
        mixinStandardHelpOptions = true,
        versionProvider = ForgebotVersion.class,
        description = {
            "Telegram support and sales bot. Configured by environment variables;",
            "with none set it runs locally in the terminal on embedded storage.",
            "Without a command it runs the bot."
        },
        subcommands = {ForgebotCommand.Run.class, ForgebotCommand.Kb.class, ForgebotCommand.Schema.class,
            ForgebotCommand.Migrate.class, ForgebotCommand.Check.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the bot stopped in order, or the command succeeded",
            "1:the bot or the command failed",
            "2:invalid arguments or configuration problems"
        })
public final class ForgebotCommand implements Callable<Integer> {

    /** Exit code for bad arguments and configuration problems, as picocli uses for usage errors. */
    public static final int EXIT_USAGE = 2;

    private final Map<String, String> env;
    private final BotLauncher launcher;
    private final PrintStream out;
    private final PrintStream err;

    ForgebotCommand(Map<String, String> env, BotLauncher launcher, PrintStream out, PrintStream err) {
        this.env = Objects.requireNonNull(env, "env");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** No subcommand: run the bot. */
    @Override
    public Integer call() {
        return withConfig(launcher::run);
    }

    private int withConfig(ToIntFunction<ForgebotConfig> action) {
        ForgebotConfig config;
        try {
            config = ConfigLoader.load(env);
        } catch (ConfigException e) {
            err.println("forgebot: configuration problems:");
            e.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return EXIT_USAGE;
        }
        return action.applyAsInt(config);
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the bot until it is stopped (the default when no command is given).")
    static final class Run implements Callable<Integer> {

        @ParentCommand
        private ForgebotCommand forgebot;

        @Override
        public Integer call() {
            return forgebot.call();
        }
    }

    @Command(name = "schema", mixinStandardHelpOptions = true,
            description = "Print the SQL of forgebot's InsForge schema (its migrations, in order).")
    static final class Schema implements Callable<Integer> {

        @ParentCommand
        private ForgebotCommand forgebot;

        @Override
        public Integer call() {
            return forgebot.withConfig(config -> forgebot.launcher.schema(config, forgebot.out));
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply the InsForge migrations that are missing and check each table; running it twice changes nothing.")
    static final class Migrate implements Callable<Integer> {

        @ParentCommand
        private ForgebotCommand forgebot;

        @Override
        public Integer call() {
            return forgebot.withConfig(config -> forgebot.launcher.migrate(config, forgebot.out));
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check the configured services: InsForge reachable, key valid, schema current; the Telegram token and the webhook's state.")
    static final class Check implements Callable<Integer> {

        @ParentCommand
        private ForgebotCommand forgebot;

        @Override
        public Integer call() {
            return forgebot.withConfig(config -> forgebot.launcher.check(config, forgebot.out));
        }
    }

    @Command(name = "kb", mixinStandardHelpOptions = true,
            description = "Knowledge base: 'kb import FILE' imports articles from a file.",
            subcommands = Import.class)
    static final class Kb implements Callable<Integer> {

        @ParentCommand
        private ForgebotCommand forgebot;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand: import");
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import knowledge-base articles from FILE into the configured storage.")
    static final class Import implements Callable<Integer> {

        @ParentCommand
        private Kb kb;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the file of articles to import")
        private Path file;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ParameterException(spec.commandLine(), "Cannot read FILE: " + file);
            }
            ForgebotCommand forgebot = kb.forgebot;
            return forgebot.withConfig(config -> forgebot.launcher.importKnowledge(config, file, forgebot.out));
        }
    }
}
