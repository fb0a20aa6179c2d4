package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.adapter.telegram.dto.User;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import java.net.URI;
import java.time.Instant;
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
        WebhookInfo info;
        try {
            info = api.getWebhookInfo();
        } catch (TelegramApiException | TelegramUnreachableException e) {
            lines.add("Webhook: state unknown (" + e.getMessage() + ")");
            return new Report(false, lines);
        }
        boolean ok = true;
        if (!info.isSet()) {
            if (webhookUrl.isPresent()) {
                lines.add("Webhook: not set yet; 'forgebot run' registers " + withoutQuery(webhookUrl.get()));
            } else {
                lines.add("Webhook: none (long polling), " + info.pendingUpdateCount() + " update(s) waiting");
            }
        } else {
            URI registered = URI.create(info.url());
            lines.add("Webhook: " + withoutQuery(registered) + ", " + info.pendingUpdateCount() + " update(s) pending"
                    + Optional.ofNullable(info.maxConnections()).map(n -> ", max connections " + n).orElse(""));
            if (info.lastErrorDate() != null) {
                lines.add("Webhook: last delivery error at " + Instant.ofEpochSecond(info.lastErrorDate()) + ": "
                        + Optional.ofNullable(info.lastErrorMessage()).orElse("(no message)"));
            }
            if (webhookUrl.isEmpty()) {
                ok = false;
                lines.add("Webhook: set, but this configuration polls: Telegram refuses getUpdates (409) while a "
                        + "webhook is set. Set TELEGRAM_WEBHOOK_URL to run in webhook mode, or delete the webhook "
                        + "deliberately (forgebot never does it on its own).");
            } else if (!withoutQuery(registered).equals(withoutQuery(webhookUrl.get()))) {
                lines.add("Webhook: registered for another URL; 'forgebot run' registers " + withoutQuery(webhookUrl.get()));
            }
        }
        return new Report(ok, lines);
    }

    /** A URL without its query, which may carry the secret's fingerprint. */
    private static String withoutQuery(URI url) {
        String text = url.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
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
