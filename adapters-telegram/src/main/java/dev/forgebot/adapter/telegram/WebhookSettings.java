package dev.forgebot.adapter.telegram;

import java.util.Objects;

/**
 * Where and how {@link TelegramWebhookServer} listens.
 *
 * @param host         the address to bind, such as {@code 0.0.0.0} (a TLS terminator or load balancer
 *                     forwards Telegram's HTTPS deliveries to it)
 * @param port         the port to bind ({@code FORGEBOT_WEBHOOK_PORT}); 0 picks a free one
 * @param path         the path deliveries arrive on, such as {@link #DEFAULT_PATH}; matched exactly, the
 *                     query string is ignored
 * @param secret       the secret every delivery must carry in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param maxBodyBytes the largest body accepted; larger ones are refused with 413
 */
public record WebhookSettings(String host, int port, String path, WebhookSecret secret, int maxBodyBytes) {

    /** The default delivery path. */
    public static final String DEFAULT_PATH = "/telegram/webhook";
    /** The default body cap: 1 MiB, far above any update (a message's text is at most 4096 characters). */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** The largest cap allowed: the body is held in memory. */
    public static final int MAX_BODY_BYTES_LIMIT = 64 << 20;

    public WebhookSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(secret, "secret");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (!path.startsWith("/") || path.contains("?") || path.contains("#") || path.contains(" ")) {
            throw new IllegalArgumentException("path must start with / and have no query, fragment or space, was: " + path);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxBodyBytes must be 1-" + MAX_BODY_BYTES_LIMIT + ", was " + maxBodyBytes);
        }
    }

    /** Settings with the default path and body cap. */
    public static WebhookSettings of(String host, int port, WebhookSecret secret) {
        return new WebhookSettings(host, port, DEFAULT_PATH, secret, DEFAULT_MAX_BODY_BYTES);
    }
}
