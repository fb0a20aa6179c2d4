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
}
