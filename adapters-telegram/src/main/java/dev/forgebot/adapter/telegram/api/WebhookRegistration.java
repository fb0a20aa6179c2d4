package dev.forgebot.adapter.telegram.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The arguments of {@code setWebhook}.
 *
 * @param url            the public HTTPS URL Telegram delivers to
 * @param secretToken    sent back in {@code X-Telegram-Bot-Api-Secret-Token} on every delivery; a secret
 * @param allowedUpdates the update types to deliver
 * @param maxConnections simultaneous deliveries, 1..100
 */
public record WebhookRegistration(URI url, String secretToken, List<String> allowedUpdates, int maxConnections) {

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public WebhookRegistration {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secretToken, "secretToken");
        allowedUpdates = List.copyOf(allowedUpdates);
        if (!SECRET.matcher(secretToken).matches()) {
            throw new IllegalArgumentException("a webhook secret is 1-256 characters from A-Z, a-z, 0-9, _ and -");
        }
        if (maxConnections < 1 || maxConnections > 100) {
            throw new IllegalArgumentException("maxConnections must be 1-100, was " + maxConnections);
        }
    }

    @Override
    public String toString() {
        return "WebhookRegistration[url=" + url + ", secretToken=****, allowedUpdates=" + allowedUpdates
                + ", maxConnections=" + maxConnections + "]";
    }
}
