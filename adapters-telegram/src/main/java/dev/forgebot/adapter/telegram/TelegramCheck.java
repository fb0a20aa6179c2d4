package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.adapter.telegram.dto.User;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code check} command for Telegram: is the token right ({@code getMe}), and does the webhook's
 * state fit the configured mode ({@code getWebhookInfo}: its URL, pending updates and last delivery
 * error)? In long-polling mode a webhook that is set is a problem (every poll would be refused with 409);
 * the check says so and never deletes it. Never throws for a remote failure: it goes into the report,
 * which never holds the token or the webhook's secret. Thread-safe.
 */
public final class TelegramCheck {

    private final TelegramApi api;

    public TelegramCheck(TelegramApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * Runs the checks; a refused token skips the webhook check.
     *
     * @param webhookUrl the configured webhook URL (webhook mode), or empty (long polling)
     */
    public Report check(Optional<URI> webhookUrl) {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        List<String> lines = new ArrayList<>();
        User bot;
        try {
            bot = api.getMe();
        } catch (TelegramApiException e) {
            lines.add(e.errorCode() == 401 || e.errorCode() == 404
                    ? "Telegram: the bot token was refused (" + e.errorCode() + " " + e.description()
                            + "); check TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL"
                    : "Telegram: getMe failed: " + e.errorCode() + " " + e.description());
            return new Report(false, lines);
        } catch (TelegramUnreachableException e) {
            lines.add("Telegram: not reachable (" + e.getMessage() + ")");
            return new Report(false, lines);
        }
        lines.add("Telegram: token valid, bot @" + Optional.ofNullable(bot.username()).orElse("?") + " (id " + bot.id() + ")");
        WebhookStatus webhook;
        try {
            webhook = TelegramWebhookRegistrar.statusOf(api.getWebhookInfo());
        } catch (TelegramApiException | TelegramUnreachableException e) {
            lines.add("Webhook: state unknown (" + e.getMessage() + ")");
            return new Report(false, lines);
        }
        // URLs are shown and compared without the secret's fingerprint the registrar adds to them.
        Optional<String> wanted = webhookUrl.map(url -> TelegramWebhookRegistrar.withoutFingerprint(url.toString()));
        boolean ok = true;
        if (!webhook.isSet()) {
            if (wanted.isPresent()) {
                lines.add("Webhook: not set yet; 'forgebot run' registers " + wanted.get());
            } else {
                lines.add("Webhook: none (long polling), " + webhook.pendingUpdateCount() + " update(s) waiting");
            }
        } else {
            lines.add("Webhook: " + webhook.url() + ", " + webhook.pendingUpdateCount() + " update(s) pending"
                    + (webhook.maxConnections().isPresent() ? ", max connections " + webhook.maxConnections().getAsInt() : ""));
            webhook.lastErrorAt().ifPresent(at -> lines.add("Webhook: last delivery error at " + at + ": "
                    + webhook.lastErrorMessage().orElse("(no message)")));
            if (wanted.isEmpty()) {
                ok = false;
                lines.add("Webhook: set, but this configuration polls: Telegram refuses getUpdates (409) while a "
                        + "webhook is set. Set TELEGRAM_WEBHOOK_URL to run in webhook mode, or delete the webhook "
                        + "deliberately (forgebot never does it on its own).");
            } else if (!webhook.url().equals(wanted.get())) {
                lines.add("Webhook: registered for another URL; 'forgebot run' registers " + wanted.get());
            }
        }
        return new Report(ok, lines);
    }

    /**
     * What the check found.
     *
     * @param ok    whether the bot can run as configured
     * @param lines one line per finding, for people
     */
    public record Report(boolean ok, List<String> lines) {
        public Report {
            lines = List.copyOf(lines);
        }
    }
}
