package dev.forgebot.adapter.insforge.model;

import dev.forgebot.adapter.insforge.http.InsForgeClientConfig.RetrySettings;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link OpenAiLanguageModel} needs, validated once. Immutable; {@link #toString()} masks the
 * key (see {@link ModelKey}).
 *
 * @param baseUrl         an OpenAI-format API root, e.g. {@code https://openrouter.ai/api/v1}; requests go
 *                        to {@code {baseUrl}/chat/completions}
 * @param key             sent as {@code Authorization: Bearer}
 * @param model           the model id, e.g. {@code openai/gpt-4o-mini}
 * @param temperature     0 to 2
 * @param totalBudget     the time one answer may take, retries and waits included
 * @param connectTimeout  TCP connect timeout (also cut to what is left of the budget)
 * @param retry           retryable statuses, waits and Retry-After cap (the records contract by default)
 * @param maxArticles     how many of the given (ranked) articles go into the prompt
 * @param maxArticleChars an article body longer than this is cut
 */
public record ModelConfig(URI baseUrl, ModelKey key, String model, double temperature, Duration totalBudget,
                          Duration connectTimeout, RetrySettings retry, int maxArticles, int maxArticleChars) {

    public ModelConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(retry, "retry");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null
                || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL without query");
        }
        String s = baseUrl.toString();
        if (s.endsWith("/")) {
            baseUrl = URI.create(s.substring(0, s.length() - 1));
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be 0 to 2");
        }
        positive(totalBudget, "totalBudget");
        positive(connectTimeout, "connectTimeout");
        if (maxArticles < 1 || maxArticleChars < 100) {
            throw new IllegalArgumentException("need maxArticles >= 1 and maxArticleChars >= 100");
        }
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * Defaults: temperature 0.2, budget 8 s, connect 3 s, the records retry contract (429/500/502/503,
     * 0.5/1/2 s, cap 10 s), 5 articles of at most 4,000 characters.
     */
    public static ModelConfig defaults(URI baseUrl, ModelKey key, String model) {
        return new ModelConfig(baseUrl, key, model, 0.2, Duration.ofSeconds(8), Duration.ofSeconds(3),
                RetrySettings.defaults(), 5, 4000);
    }

    /** A copy with another budget and retry settings. */
    public ModelConfig withBudget(Duration budget, RetrySettings newRetry) {
        return new ModelConfig(baseUrl, key, model, temperature, budget, connectTimeout, newRetry, maxArticles,
                maxArticleChars);
    }

    /** A copy with another article limit. */
    public ModelConfig withMaxArticles(int max) {
        return new ModelConfig(baseUrl, key, model, temperature, totalBudget, connectTimeout, retry, max,
                maxArticleChars);
    }
}
