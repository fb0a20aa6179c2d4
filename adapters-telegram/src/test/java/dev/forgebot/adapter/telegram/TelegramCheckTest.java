package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.adapter.telegram.dto.User;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelegramCheckTest {

    private static final User BOT = new User(42, true, "Forgebot", null, "forgebot_bot");
    private static final WebhookInfo NO_WEBHOOK = new WebhookInfo("", false, 3, null, null, null, null);

    private final TelegramApi api = mock(TelegramApi.class);
    private final TelegramCheck check = new TelegramCheck(api);

    @Test
    void aValidTokenWithNoWebhookWhilePollingIsOk() {
        when(api.getMe()).thenReturn(BOT);
        when(api.getWebhookInfo()).thenReturn(NO_WEBHOOK);

        TelegramCheck.Report report = check.check(Optional.empty());

        assertThat(report.ok()).isTrue();
        assertThat(report.lines()).containsExactly("Telegram: token valid, bot @forgebot_bot (id 42)",
                "Webhook: none (long polling), 3 update(s) waiting");
    }

    @Test
    void aRefusedTokenFailsAndSkipsTheWebhook() {
        when(api.getMe()).thenThrow(new TelegramApiException("getMe", 401, "Unauthorized", null, null, false));

        TelegramCheck.Report report = check.check(Optional.empty());

        assertThat(report.ok()).isFalse();
        assertThat(report.lines()).singleElement().asString().contains("token was refused (401 Unauthorized)");
        verify(api, never()).getWebhookInfo();
    }

    @Test
    void anUnreachableApiFails() {
        when(api.getMe()).thenThrow(new TelegramUnreachableException("getMe", false, "connection refused"));

        TelegramCheck.Report report = check.check(Optional.empty());

        assertThat(report.ok()).isFalse();
        assertThat(report.lines()).singleElement().asString().startsWith("Telegram: not reachable");
    }

    @Test
    void aWebhookSetWhilePollingFailsAndIsNeverDeleted() {
        when(api.getMe()).thenReturn(BOT);
        when(api.getWebhookInfo()).thenReturn(new WebhookInfo("https://bot.example.com/telegram/webhook?fbv=abc", false, 7,
                1_790_000_000L, "Connection refused", 40, List.of("message")));

        TelegramCheck.Report report = check.check(Optional.empty());

        assertThat(report.ok()).isFalse();
        assertThat(report.lines()).contains(
                "Webhook: https://bot.example.com/telegram/webhook, 7 update(s) pending, max connections 40",
                "Webhook: last delivery error at 2026-09-21T14:13:20Z: Connection refused");
        assertThat(String.join("\n", report.lines())).contains("refuses getUpdates (409)").doesNotContain("fbv=");
        verify(api, never()).deleteWebhook(org.mockito.ArgumentMatchers.anyBoolean());
    }

    @Test
    void inWebhookModeTheWebhooksStateIsShown() {
        when(api.getMe()).thenReturn(BOT);
        when(api.getWebhookInfo()).thenReturn(new WebhookInfo("https://bot.example.com/hook?fbv=abc", false, 0, null, null,
                40, List.of("message")));

        TelegramCheck.Report report = check.check(Optional.of(URI.create("https://bot.example.com/hook")));

        assertThat(report.ok()).isTrue();
        assertThat(report.lines()).containsExactly("Telegram: token valid, bot @forgebot_bot (id 42)",
                "Webhook: https://bot.example.com/hook, 0 update(s) pending, max connections 40");
    }

    @Test
    void inWebhookModeAMissingWebhookIsReportedAsToBeRegistered() {
        when(api.getMe()).thenReturn(BOT);
        when(api.getWebhookInfo()).thenReturn(NO_WEBHOOK);

        TelegramCheck.Report report = check.check(Optional.of(URI.create("https://bot.example.com/hook")));

        assertThat(report.ok()).isTrue();
        assertThat(report.lines()).contains("Webhook: not set yet; 'forgebot run' registers https://bot.example.com/hook");
    }
}
