package dev.forgebot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.adapter.telegram.api.BotToken;
import dev.forgebot.adapter.telegram.fake.FakeBotApi;
import dev.forgebot.bootstrap.config.ConfigLoader;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forgebot check} and the start-up checks of {@code run} against the fake Bot API. */
class TelegramCommandsIT {

    private static final String OTHER_TOKEN = "5550001234:AAOtherToken-xxxxxxxxxxxxxxxxxxxxxx";

    @TempDir
    Path data;

    private final FakeBotApi telegram = FakeBotApi.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final ForgebotLauncher launcher = new ForgebotLauncher(InputStream.nullInputStream(), sink);

    @AfterEach
    void closeTelegram() {
        telegram.close();
    }

    private ForgebotConfig config(String token, String webhookUrl) {
        Map<String, String> env = new HashMap<>();
        env.put(ConfigLoader.TELEGRAM_BOT_TOKEN, token);
        env.put(ConfigLoader.TELEGRAM_API_URL, telegram.baseUrl().toString());
        env.put(ConfigLoader.FORGEBOT_OPERATOR_CHAT_ID, "-1001234567890");
        env.put(ConfigLoader.FORGEBOT_DATA_DIR, data.toString());
        if (webhookUrl != null) {
            env.put(ConfigLoader.TELEGRAM_WEBHOOK_URL, webhookUrl);
            env.put(ConfigLoader.TELEGRAM_WEBHOOK_SECRET, "s3cret-Value_1");
        }
        return ConfigLoader.load(env);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkShowsTheBotAndThatNoWebhookIsSetWhilePolling() {
        int exit = launcher.check(config(telegram.token().reveal(), null), sink);

        assertThat(exit).isZero();
        assertThat(printed()).contains("Storage: embedded").contains("Telegram: token valid, bot @forgebot_test_bot")
                .contains("Webhook: none (long polling)");
    }

    @Test
    void checkFailsOnAWrongTokenWithoutPrintingIt() {
        BotToken wrong = BotToken.of(OTHER_TOKEN);

        int exit = launcher.check(config(wrong.reveal(), null), sink);

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("the bot token was refused (401").doesNotContain(wrong.reveal())
                .doesNotContain(wrong.reveal().substring(wrong.reveal().indexOf(':') + 1));
    }

    @Test
    void checkShowsTheWebhooksPendingUpdatesAndLastError() {
        telegram.presetWebhook("https://bot.example.com/telegram/webhook?fbv=abc");
        telegram.enqueueText(111, 111, "hello?");
        telegram.webhookError(1_790_000_000L, "Wrong response from the webhook: 503 Service Unavailable");

        int exit = launcher.check(config(telegram.token().reveal(), "https://bot.example.com/telegram/webhook"), sink);

        assertThat(exit).isZero();
        assertThat(printed()).contains("Webhook: https://bot.example.com/telegram/webhook, 1 update(s) pending")
                .contains("last delivery error at 2026-09-21T14:13:20Z: Wrong response from the webhook: 503");
    }

    @Test
    void runRefusesToPollWhileAWebhookIsSetAndLeavesTheWebhookAlone() {
        telegram.presetWebhook("https://bot.example.com/telegram/webhook");

        var started = launcher.startTelegram(config(telegram.token().reveal(), null));

        assertThat(started).isEmpty();
        assertThat(printed()).contains("Telegram is not usable as configured").contains("refuses getUpdates (409)");
        assertThat(telegram.requestCount("deleteWebhook")).isZero();
        assertThat(telegram.requestCount("getUpdates")).isZero();
        assertThat(telegram.webhookUrl()).isEqualTo("https://bot.example.com/telegram/webhook");
    }

    @Test
    void runRefusesAWrongTokenBeforeStartingAnything() {
        var started = launcher.startTelegram(config(OTHER_TOKEN, null));

        assertThat(started).isEmpty();
        assertThat(printed()).contains("the bot token was refused (401");
        assertThat(telegram.requestCount("getUpdates")).isZero();
    }
}
