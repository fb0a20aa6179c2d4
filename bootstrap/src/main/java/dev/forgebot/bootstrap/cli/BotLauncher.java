package dev.forgebot.bootstrap.cli;

import dev.forgebot.bootstrap.config.ForgebotConfig;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What the command line asks of the bot, without knowing how it is wired. The composition root
 * implements it; the CLI only parses arguments, loads the configuration and picks the action.
 */
public interface BotLauncher {

    /**
     * Starts the bot and blocks until it stops (a shutdown signal, or a fatal condition).
     *
     * @return the process exit code: 0 after an orderly stop, non-zero when the bot could not run
     */
    int run(ForgebotConfig config);

    /**
     * Imports knowledge-base articles from a file into the configured storage.
     *
     * @param file an existing, readable file
     * @param out  where to report what was imported
     * @return the process exit code: 0 when the import succeeded
     */
    int importKnowledge(ForgebotConfig config, Path file, PrintStream out);

    /** Prints the InsForge schema's SQL; returns the exit code. */
    default int schema(ForgebotConfig config, PrintStream out) {
        out.println("forgebot: this build has no InsForge schema");
        return 1;
    }

    /** Applies the missing InsForge migrations and checks the tables; returns the exit code. */
    default int migrate(ForgebotConfig config, PrintStream out) {
        out.println("forgebot: this build cannot migrate InsForge");
        return 1;
    }

    /** Checks the configured services (reachable, key valid, schema current); returns the exit code. */
    default int check(ForgebotConfig config, PrintStream out) {
        out.println("forgebot: this build has nothing to check");
        return 1;
    }
}
