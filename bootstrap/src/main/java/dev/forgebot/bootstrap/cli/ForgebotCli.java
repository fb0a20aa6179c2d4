package dev.forgebot.bootstrap.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The command line's entry point, kept free of {@code System} so it can be tested: the composition
 * root's {@code main} calls {@link #execute} with the real arguments, environment and streams and
 * exits with what it returns.
 */
public final class ForgebotCli {

    private ForgebotCli() {
    }

    /**
     * Parses the arguments, loads the configuration from {@code env} when an action needs it, and runs
     * the action through {@code launcher}.
     *
     * @return the exit code: the launcher's, or 2 for invalid arguments and configuration problems
     *         (all of them printed to {@code err}, secrets hidden), 0 after {@code --help} or {@code --version}
     */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
            BotLauncher launcher) {
        var command = new CommandLine(new ForgebotCommand(env, launcher, out, err));
        var outWriter = new PrintWriter(out, true);
        var errWriter = new PrintWriter(err, true);
        command.setOut(outWriter);
        command.setErr(errWriter);
        try {
            return command.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }
}
