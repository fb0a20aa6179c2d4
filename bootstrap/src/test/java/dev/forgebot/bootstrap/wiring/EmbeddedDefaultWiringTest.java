package dev.forgebot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.forgebot.adapter.local.jdbc.EmbeddedDatabase;
import dev.forgebot.adapter.local.terminal.TerminalChannel;
import dev.forgebot.application.inbox.InboxDispatcher;
import dev.forgebot.application.port.in.ChangeReachability;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.ReloadKnowledge;
import dev.forgebot.application.port.in.RunFollowUps;
import dev.forgebot.application.port.in.RunScenarios;
import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.bootstrap.config.ConfigLoader;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import dev.forgebot.bootstrap.runtime.LoopSupervisor;
import dev.forgebot.bootstrap.runtime.SupervisedExecutor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDefaultWiringTest {

    @TempDir
    Path dataDir;

    @Test
    void theInjectorOfTheEmbeddedDefaultResolvesEveryEntryPoint() {
        ForgebotConfig config = ConfigLoader.load(Map.of("FORGEBOT_DATA_DIR", dataDir.toString()));

        Injector injector = ForgebotLauncher.embeddedDefault(config, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        try (EmbeddedDatabase db = injector.getInstance(EmbeddedDatabase.class)) {
            assertThat(injector.getInstance(HandleInboundMessage.class)).isNotNull();
            assertThat(injector.getInstance(RunFollowUps.class)).isNotNull();
            assertThat(injector.getInstance(RunScenarios.class)).isNotNull();
            assertThat(injector.getInstance(ReloadKnowledge.class)).isSameAs(injector.getInstance(KnowledgeService.class));
            assertThat(injector.getInstance(ChangeReachability.class)).isNotNull();
            assertThat(injector.getInstance(InboxDispatcher.class)).isNotNull();
            assertThat(injector.getInstance(TerminalChannel.class)).isNotNull();
            assertThat(injector.getInstance(LoopSupervisor.class)).isNotNull();
            assertThat(injector.getInstance(Messenger.class)).isInstanceOf(MeteredMessenger.class);
            assertThat(injector.getInstance(BackgroundTasks.class)).isSameAs(injector.getInstance(SupervisedExecutor.class));
            assertThat(injector.getInstance(UpdateInbox.class).pendingCount()).isZero();
            assertThat(injector.getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<Optional<LanguageModel>>() { })))
                    .as("no model unless configured").isEmpty();
            assertThat(injector.getInstance(KnowledgeService.class))
                    .as("one knowledge base for every handler").isSameAs(injector.getInstance(KnowledgeService.class));
            assertThat(dataDir.resolve(EmbeddedDatabase.FILE_NAME)).exists();
        }
    }
}
