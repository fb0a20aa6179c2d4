package dev.forgebot.adapter.telegram.dto;

import java.util.List;

/**
 * The webhook's state ({@code WebhookInfo}, the answer of {@code getWebhookInfo}).
 *
 * @param url                  the webhook URL; empty when polling
 * @param hasCustomCertificate whether a self-signed certificate was uploaded
 * @param pendingUpdateCount   updates waiting for delivery
 * @param lastErrorDate        Unix time of the last delivery error, or null
 * @param lastErrorMessage     the last delivery error, or null
 * @param maxConnections       the maximum number of simultaneous deliveries, or null
 * @param allowedUpdates       the update types delivered, or null for the default
 */
public record WebhookInfo(String url, boolean hasCustomCertificate, int pendingUpdateCount, Long lastErrorDate,
        String lastErrorMessage, Integer maxConnections, List<String> allowedUpdates) {

    /** Whether a webhook is set (so {@code getUpdates} would be refused with 409). */
    public boolean isSet() {
        return url != null && !url.isEmpty();
    }
}
