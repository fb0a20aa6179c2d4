package dev.forgebot.adapter.insforge.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@link InsForgeHttpClient} needs, validated once at construction. Immutable and
 * thread-safe; {@link #toString()} masks the API key (see {@link ApiKey}).
 *
 * @param baseUrl                  project host, e.g. {@code https://app.insforge.app} (no trailing path)
 * @param apiKey                   admin API key, sent as {@code Authorization: Bearer}
 * @param connectTimeout           TCP connect timeout
 * @param responseTimeout          time to wait for a response (socket read timeout)
 * @param connectionRequestTimeout time to wait for a pooled connection
 * @param maxConnectionsPerRoute   pool size per route
 * @param maxConnectionsTotal      pool size in total
 * @param retry                    the retry contract for records calls
 */
public record InsForgeClientConfig(
        URI baseUrl,
        ApiKey apiKey,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration connectionRequestTimeout,
        int maxConnectionsPerRoute,
        int maxConnectionsTotal,
        RetrySettings retry) {

    public InsForgeClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(connectionRequestTimeout, "connectionRequestTimeout");
        Objects.requireNonNull(retry, "retry");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must have no query or fragment");
        }
        String path = baseUrl.getRawPath();
        if (path != null && path.endsWith("/")) {
            baseUrl = URI.create(baseUrl.toString().substring(0, baseUrl.toString().length() - 1));
        }
        if (maxConnectionsPerRoute < 1 || maxConnectionsTotal < maxConnectionsPerRoute) {
            throw new IllegalArgumentException("need 1 <= maxConnectionsPerRoute <= maxConnectionsTotal");
        }
    }

    /**
     * The defaults: connect 5 s, response 30 s, pooled-connection wait 5 s, 32 per route / 64 total,
     * and {@link RetrySettings#defaults()}.
     */
    public static InsForgeClientConfig defaults(URI baseUrl, ApiKey apiKey) {
        return new InsForgeClientConfig(baseUrl, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(5), 32, 64, RetrySettings.defaults());
    }

    /** A copy with other retry settings. */
    public InsForgeClientConfig withRetry(RetrySettings newRetry) {
        return new InsForgeClientConfig(baseUrl, apiKey, connectTimeout, responseTimeout,
                connectionRequestTimeout, maxConnectionsPerRoute, maxConnectionsTotal, newRetry);
    }

    /** A copy with other timeouts. */
    public InsForgeClientConfig withTimeouts(Duration connect, Duration response) {
        return new InsForgeClientConfig(baseUrl, apiKey, connect, response,
                connectionRequestTimeout, maxConnectionsPerRoute, maxConnectionsTotal, retry);
    }

    static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * The retry contract for records calls. Immutable.
     *
     * @param retryableStatuses HTTP statuses retried (default 429, 500, 502, 503)
     * @param waits             wait before each retry; its size is the number of retries (default 0.5 s, 1 s, 2 s)
     * @param retryAfterCap     a {@code Retry-After} longer than this ends the retries at once (default 10 s)
     */
    public record RetrySettings(Set<Integer> retryableStatuses, List<Duration> waits, Duration retryAfterCap) {

        public RetrySettings {
            retryableStatuses = Set.copyOf(Objects.requireNonNull(retryableStatuses, "retryableStatuses"));
            waits = List.copyOf(Objects.requireNonNull(waits, "waits"));
            requirePositive(retryAfterCap, "retryAfterCap");
            for (int status : retryableStatuses) {
                if (status < 400 || status > 599) {
                    throw new IllegalArgumentException("retryable status must be 400-599: " + status);
                }
            }
            for (Duration w : waits) {
                if (w.isNegative()) {
                    throw new IllegalArgumentException("waits must not be negative");
                }
            }
        }

        /** 429/500/502/503, waits 0.5 s, 1 s, 2 s (4 attempts), Retry-After cap 10 s. */
        public static RetrySettings defaults() {
            return new RetrySettings(Set.of(429, 500, 502, 503),
                    List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)),
                    Duration.ofSeconds(10));
        }

        /** Attempts in total: the first call plus one per wait. */
        public int maxAttempts() {
            return waits.size() + 1;
        }
    }
}
