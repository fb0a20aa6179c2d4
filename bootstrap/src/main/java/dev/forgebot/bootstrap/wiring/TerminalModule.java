package dev.forgebot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.forgebot.adapter.local.terminal.FileLineIds;
import dev.forgebot.adapter.local.terminal.TerminalChannel;
import dev.forgebot.adapter.local.terminal.TerminalConsole;
import dev.forgebot.adapter.local.terminal.TerminalMessenger;
import dev.forgebot.adapter.local.terminal.TerminalSettings;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.RunScenarios;
import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.bootstrap.management.ForgebotMetrics;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The terminal as the channel: customers' and operators' lines from standard input, the bot's
 * messages printed to standard output.
 */
public final class TerminalModule extends AbstractModule {

    private final TerminalSettings settings;
    private final Path dataDir;
    private final InputStream in;
    private final PrintStream out;

    public TerminalModule(TerminalSettings settings, Path dataDir, InputStream in, PrintStream out) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Provides
    @Singleton
    TerminalConsole console() {
        return new TerminalConsole(out);
    }

    @Provides
    @Singleton
    Messenger messenger(TerminalConsole console, ForgebotMetrics metrics) {
        return new MeteredMessenger(new TerminalMessenger(console, settings.operatorsChat()), metrics);
    }

    @Provides
    @Singleton
    TerminalChannel channel(TerminalConsole console, HandleInboundMessage inbound, RunScenarios scenarios, UpdateInbox inbox,
            Sleeper sleeper, Clock clock) {
        return new TerminalChannel(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), console, inbound,
                scenarios, inbox, new FileLineIds(dataDir.resolve("terminal.seq")), sleeper, clock, settings);
    }

    /** The terminal sends no files. */
    @Provides
    @Singleton
    ChannelFiles noChannelFiles() {
        return (channelFileId, maxBytes) -> {
            throw new PermanentStorageException("files.fetch", "this channel does not send files");
        };
    }
}
