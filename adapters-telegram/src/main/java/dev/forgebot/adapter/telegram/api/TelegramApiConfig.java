package dev.forgebot.adapter.telegram.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link HttpTelegramApi} needs, validated once at construction. Immutable and thread-safe;
 * {@link #toString()} masks the token (see {@link BotToken}).
 *
 * @param baseUrl         the Bot API's base URL, {@code https://api.telegram.org} or a local server or
 *                        fake; may carry a path prefix; a trailing slash is dropped; no query, fragment or
 *                        user info
 * @param token           the bot's token, written only onto the wire
 * @param connectTimeout  TCP (and TLS) connect timeout
 * @param responseTimeout how long to wait for an answer (socket read timeout) for every call except
 *                        {@code getUpdates}
 * @param pollMargin      added to a {@code getUpdates} long-poll timeout to make that call's response
 *                        timeout, so a poll Telegram holds open is not cut short
 * @param maxConnections  pool size (all calls go to one host); a long poll holds one connection
 */
public record TelegramApiConfig(
        URI baseUrl,
        BotToken token,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration pollMargin,
        int maxConnections) {

    /** Telegram's own Bot API server. */
    public static final URI TELEGRAM = URI.create("https://api.telegram.org");

    /** The pool size of {@link #defaults(URI, BotToken)}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 20;

    private static final Duration LONGEST = Duration.ofDays(1);

    public TelegramApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        requireReasonable(connectTimeout, "connectTimeout");
        requireReasonable(responseTimeout, "responseTimeout");
        requireReasonable(pollMargin, "pollMargin");
        baseUrl = normalise(baseUrl);
        if (maxConnections < 1 || maxConnections > 1000) {
            throw new IllegalArgumentException("maxConnections must be 1-1000, was " + maxConnections);
        }
    }

    /**
     * The defaults: connect 5 s, response 15 s, poll margin 10 s, {@value #DEFAULT_MAX_CONNECTIONS}
     * connections.
     */
    public static TelegramApiConfig defaults(URI baseUrl, BotToken token) {
        return new TelegramApiConfig(baseUrl, token, Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(10), DEFAULT_MAX_CONNECTIONS);
    }

    /** A copy with other timeouts. */
    public TelegramApiConfig withTimeouts(Duration connect, Duration response, Duration margin) {
        return new TelegramApiConfig(baseUrl, token, connect, response, margin, maxConnections);
    }

    private static void requireReasonable(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most a day, was " + d);
        }
    }

    private static URI normalise(URI url) {
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL with a host");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must have no query or fragment");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not carry user info");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + url.getRawAuthority() + path);
    }
}
