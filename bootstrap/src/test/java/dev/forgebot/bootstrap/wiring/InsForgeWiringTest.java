package dev.forgebot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.model.OpenAiLanguageModel;
import dev.forgebot.adapter.insforge.schema.InsForgeMigrations;
import dev.forgebot.adapter.insforge.store.InsForgeLeadRepository;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.RunFollowUps;
import dev.forgebot.application.port.in.RunScenarios;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Statistics;
import dev.forgebot.bootstrap.config.ConfigLoader;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The injector with InsForge as storage (and a model) resolves every entry point without any I/O. */
class InsForgeWiringTest {

    private static final String KEY = "ik_" + "0123456789abcdef".repeat(4);

    @TempDir
    Path dataDir;

    @Test
    void storageOnInsForgeResolvesEveryEntryPointAndTheModel() {
        ForgebotConfig config = ConfigLoader.load(Map.of(
                "FORGEBOT_DATA_DIR", dataDir.toString(),
                "INSFORGE_URL", "http://127.0.0.1:9",
                "INSFORGE_API_KEY", KEY,
                "FORGEBOT_AI_BASE_URL", "http://127.0.0.1:9/v1",
                "FORGEBOT_AI_API_KEY", "sk-or-test-key",
                "FORGEBOT_AI_MODEL", "openai/gpt-4o-mini"));

        Injector injector = ForgebotLauncher.terminalBot(config, new InsForgeModule(config),
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        try (InsForgeHttpClient client = injector.getInstance(InsForgeHttpClient.class)) {
            assertThat(injector.getInstance(LeadRepository.class)).isInstanceOf(InsForgeLeadRepository.class);
            assertThat(injector.getInstance(KnowledgeSource.class)).isNotNull();
            assertThat(injector.getInstance(FileStore.class)).isNotNull();
            assertThat(injector.getInstance(Statistics.class)).isNotNull();
            assertThat(injector.getInstance(InsForgeMigrations.class).migrations()).isNotEmpty();
            assertThat(injector.getInstance(HandleInboundMessage.class)).isNotNull();
            assertThat(injector.getInstance(RunFollowUps.class)).isNotNull();
            assertThat(injector.getInstance(RunScenarios.class)).isNotNull();
            assertThat(injector.getInstance(Key.get(new TypeLiteral<Optional<LanguageModel>>() { })))
                    .containsInstanceOf(OpenAiLanguageModel.class);
            assertThat(client.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void storageOnInsForgeWithoutAModelResolvesWithNoModel() {
        ForgebotConfig config = ConfigLoader.load(Map.of(
                "FORGEBOT_DATA_DIR", dataDir.toString(),
                "INSFORGE_URL", "http://127.0.0.1:9",
                "INSFORGE_API_KEY", KEY));

        Injector injector = ForgebotLauncher.terminalBot(config, new InsForgeModule(config),
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        try (InsForgeHttpClient client = injector.getInstance(InsForgeHttpClient.class)) {
            assertThat(injector.getInstance(Key.get(new TypeLiteral<Optional<LanguageModel>>() { }))).isEmpty();
            assertThat(injector.getInstance(HandleInboundMessage.class)).isNotNull();
        }
    }
}
