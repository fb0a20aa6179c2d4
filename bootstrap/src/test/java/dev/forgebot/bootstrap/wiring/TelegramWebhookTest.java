package dev.forgebot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.forgebot.adapter.telegram.TelegramWebhookRegistrar;
import dev.forgebot.adapter.telegram.TelegramWebhookServer;
import dev.forgebot.adapter.telegram.WebhookSecret;
import dev.forgebot.adapter.telegram.WebhookSettings;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.adapter.telegram.api.WebhookRegistration;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import dev.forgebot.application.port.in.HandleInboundMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What webhook mode reports for health: the webhook's state as Telegram last told it. No sockets: the server is never started. */
class TelegramWebhookTest {

    private static final String SECRET = "s3cret-Value_1";

    private final TelegramApi api = mock(TelegramApi.class);
    private final TelegramWebhook webhook = new TelegramWebhook(
            new TelegramWebhookServer(WebhookSettings.of("127.0.0.1", 0, WebhookSecret.of(SECRET)), Runnable::run,
                    mock(HandleInboundMessage.class), update -> {
                        throw new AssertionError("nothing is delivered in this test");
                    }, api),
            new TelegramWebhookRegistrar(api, duration -> { }),
            new WebhookRegistration(URI.create("https://bot.example.com/telegram/webhook"), SECRET, List.of("message"), 40));

    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    @Test
    void healthShowsThePendingUpdatesAndTelegramsLastDeliveryError() {
        when(api.getWebhookInfo()).thenReturn(new WebhookInfo("https://bot.example.com/telegram/webhook?fbv=abc", false, 7,
                1_790_000_000L, "Wrong response from the webhook: 503 Service Unavailable", 40, List.of("message")));

        webhook.refreshStatus();
        webhook.describe(details, problems);

        assertThat(details).containsEntry("telegram.mode", "webhook")
                .containsEntry("webhook.pending_updates", "7")
                .containsEntry("webhook.last_error_at", "2026-09-21T14:13:20Z")
                .containsEntry("webhook.last_error", "Wrong response from the webhook: 503 Service Unavailable")
                .containsEntry("webhook.accepted", "0")
                .containsEntry("webhook.rejected", "0");
        assertThat(problems).isEmpty();
    }

    @Test
    void aWebhookDeletedAtTelegramIsAProblem() {
        when(api.getWebhookInfo()).thenReturn(new WebhookInfo("", false, 3, null, null, null, null));

        webhook.refreshStatus();
        webhook.describe(details, problems);

        assertThat(problems).singleElement().asString().contains("not set at Telegram");
    }

    @Test
    void aStateThatCannotBeReadIsShownAndTheLastKnownOneKept() {
        when(api.getWebhookInfo())
                .thenReturn(new WebhookInfo("https://bot.example.com/telegram/webhook", false, 2, null, null, 40, null))
                .thenThrow(new TelegramUnreachableException("getWebhookInfo", false, "connection refused"));

        webhook.refreshStatus();
        webhook.refreshStatus();
        webhook.describe(details, problems);

        assertThat(details).containsEntry("webhook.pending_updates", "2");
        assertThat(details.get("webhook.state_error")).contains("connection refused");
        assertThat(problems).isEmpty();
    }
}
