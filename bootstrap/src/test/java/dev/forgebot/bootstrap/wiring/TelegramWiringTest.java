package dev.forgebot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.store.InsForgeLeadRepository;
import dev.forgebot.adapter.local.jdbc.EmbeddedDatabase;
import dev.forgebot.adapter.telegram.TelegramChannelFiles;
import dev.forgebot.adapter.telegram.TelegramUpdatePoller;
import dev.forgebot.adapter.telegram.api.HttpTelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.bootstrap.config.ConfigLoader;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Telegram bot's injector resolves (no I/O happens in modules), in both modes. */
class TelegramWiringTest {

    private static final String TOKEN = "5550001234:AAWiringTest-xxxxxxxxxxxxxxxxxxxxxx";

    @TempDir
    Path dataDir;

    private ForgebotConfig config(boolean webhook) {
        Map<String, String> env = new HashMap<>();
        env.put(ConfigLoader.TELEGRAM_BOT_TOKEN, TOKEN);
        env.put(ConfigLoader.TELEGRAM_API_URL, "http://127.0.0.1:9");
        env.put(ConfigLoader.FORGEBOT_OPERATOR_CHAT_ID, "-1001234567890");
        env.put(ConfigLoader.FORGEBOT_DATA_DIR, dataDir.toString());
        if (webhook) {
            env.put(ConfigLoader.TELEGRAM_WEBHOOK_URL, "https://bot.example.com/hooks/telegram");
            env.put(ConfigLoader.TELEGRAM_WEBHOOK_SECRET, "s3cret-Value_1");
        }
        return ConfigLoader.load(env);
    }

    @Test
    void withATokenTheChannelIsTelegramByLongPolling() {
        Injector injector = ForgebotLauncher.telegramBot(config(false));

        try (EmbeddedDatabase db = injector.getInstance(EmbeddedDatabase.class);
                HttpTelegramApi api = injector.getInstance(HttpTelegramApi.class)) {
            assertThat(injector.getInstance(TelegramApi.class)).isSameAs(api);
            assertThat(injector.getInstance(Messenger.class)).isInstanceOf(MeteredMessenger.class);
            assertThat(injector.getInstance(ChannelFiles.class)).isInstanceOf(TelegramChannelFiles.class);
            assertThat(injector.getInstance(ChannelIntake.class)).isInstanceOf(TelegramPolling.class);
            assertThat(injector.getInstance(TelegramUpdatePoller.class)).isSameAs(injector.getInstance(TelegramUpdatePoller.class));
            assertThat(injector.getInstance(HandleInboundMessage.class)).isNotNull();
            assertThat(api.toString()).doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
        }
    }

    @Test
    void withAWebhookUrlTheChannelIsTheWebhookListeningOnTheUrlsPath() {
        Injector injector = ForgebotLauncher.telegramBot(config(true));

        try (EmbeddedDatabase db = injector.getInstance(EmbeddedDatabase.class);
                HttpTelegramApi api = injector.getInstance(HttpTelegramApi.class)) {
            assertThat(injector.getInstance(ChannelIntake.class)).isInstanceOf(TelegramWebhook.class);
            assertThat(TelegramModule.pathOf(URI.create("https://bot.example.com/hooks/telegram"))).isEqualTo("/hooks/telegram");
            assertThat(TelegramModule.pathOf(URI.create("https://bot.example.com"))).isEqualTo("/");
        }
    }

    @Test
    void withInsForgeConfiguredTheTelegramBotKeepsEverythingInTheProject() {
        Map<String, String> env = new HashMap<>();
        env.put(ConfigLoader.TELEGRAM_BOT_TOKEN, TOKEN);
        env.put(ConfigLoader.TELEGRAM_API_URL, "http://127.0.0.1:9");
        env.put(ConfigLoader.FORGEBOT_OPERATOR_CHAT_ID, "-1001234567890");
        env.put(ConfigLoader.INSFORGE_URL, "http://127.0.0.1:9");
        env.put(ConfigLoader.INSFORGE_API_KEY, "ik_" + "0123456789abcdef".repeat(4));
        env.put(ConfigLoader.FORGEBOT_DATA_DIR, dataDir.toString());

        Injector injector = ForgebotLauncher.telegramBot(ConfigLoader.load(env));

        try (InsForgeHttpClient insforge = injector.getInstance(InsForgeHttpClient.class);
                HttpTelegramApi api = injector.getInstance(HttpTelegramApi.class)) {
            assertThat(injector.getInstance(LeadRepository.class)).isInstanceOf(InsForgeLeadRepository.class);
            assertThat(injector.getInstance(ChannelIntake.class)).isInstanceOf(TelegramPolling.class);
            assertThat(injector.getInstance(Messenger.class)).isInstanceOf(MeteredMessenger.class);
            assertThat(injector.getExistingBinding(com.google.inject.Key.get(EmbeddedDatabase.class)))
                    .as("no embedded store beside InsForge").isNull();
        }
    }

    @Test
    void theTelegramModuleRefusesAConfigurationWithoutTelegram() {
        ForgebotConfig withoutTelegram = ConfigLoader.load(Map.of(ConfigLoader.FORGEBOT_DATA_DIR, dataDir.toString()));

        assertThatThrownBy(() -> new TelegramModule(withoutTelegram)).isInstanceOf(IllegalArgumentException.class);
    }
}
