package dev.forgebot.adapter.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The webhook's state at Telegram, from {@code getWebhookInfo}, for health and {@code forgebot check}.
 *
 * @param url                the webhook URL without the secret's fingerprint; empty when none is set
 *                           (long polling)
 * @param pendingUpdateCount updates waiting for delivery; a growing count means deliveries fail
 * @param lastErrorAt        when the last delivery failed, if one did
 * @param lastErrorMessage   why it failed, as Telegram says (such as {@code Wrong response from the
 *                           webhook: 503 Service Unavailable})
 * @param maxConnections     simultaneous deliveries allowed, if Telegram reports it
 * @param allowedUpdates     the update types delivered; empty for Telegram's default
 */
public record WebhookStatus(String url, int pendingUpdateCount, Optional<Instant> lastErrorAt,
        Optional<String> lastErrorMessage, OptionalInt maxConnections, List<String> allowedUpdates) {

    public WebhookStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(lastErrorAt, "lastErrorAt");
        Objects.requireNonNull(lastErrorMessage, "lastErrorMessage");
        Objects.requireNonNull(maxConnections, "maxConnections");
        allowedUpdates = List.copyOf(allowedUpdates);
        if (pendingUpdateCount < 0) {
            throw new IllegalArgumentException("pendingUpdateCount must not be negative, was " + pendingUpdateCount);
        }
    }

    /** Whether a webhook is set (so Telegram pushes updates and {@code getUpdates} would be refused). */
    public boolean isSet() {
        return !url.isEmpty();
    }
}
