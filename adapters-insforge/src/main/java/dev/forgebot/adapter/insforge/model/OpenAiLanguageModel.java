package dev.forgebot.adapter.insforge.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.forgebot.adapter.insforge.http.QuietConnectionFactory;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.domain.knowledge.Article;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@link LanguageModel} over an OpenAI-format chat-completions API ({@code POST {baseUrl}/chat/completions},
 * e.g. OpenRouter), grounded in the given articles only: the system prompt allows nothing else and asks
 * for "I don't know" otherwise; the user message holds the numbered top articles and the question.
 *
 * <p><b>Retries and budget.</b> The records retry contract (default: 429, 500, 502, 503, a failed
 * connect and a call sent but unanswered; waits 0.5 s, 1 s, 2 s, stretched by a {@code Retry-After} up
 * to the cap), cut short by a total time budget (default 8 s): a retry whose wait would use up the
 * budget is not started, and each attempt may take only what is left of it. Each retry logs WARN.
 *
 * <p><b>Failures.</b> Any failure (HTTP status, timeout, budget spent, malformed or empty reply) returns
 * {@link Optional#empty()} after a WARN naming the reason, so the caller falls back to the extractive
 * answer; nothing is thrown for a remote failure. The key appears in no log line, exception or
 * {@code toString}; neither do questions or answers.
 *
 * <p><b>Threads.</b> Thread-safe; share one instance and {@link #close()} it at shutdown.
 */
public final class OpenAiLanguageModel implements LanguageModel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenAiLanguageModel.class);
    private static final Duration MIN_ATTEMPT = Duration.ofMillis(1);

    private final ModelConfig config;
    private final URI endpoint;
    private final String authorization;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;

    /** A model client that waits with {@link Thread#sleep} and measures the budget with {@link System#nanoTime}. */
    public OpenAiLanguageModel(ModelConfig config) {
        this(config, d -> Thread.sleep(d), System::nanoTime);
    }

    /** A model client with an injected way to wait and to read a monotonic clock (nanoseconds). */
    public OpenAiLanguageModel(ModelConfig config, Sleeper sleeper, LongSupplier nanoTime) {
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.endpoint = URI.create(config.baseUrl() + "/chat/completions");
        this.authorization = "Bearer " + config.key().reveal();
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new QuietConnectionFactory())
                .setMaxConnPerRoute(16)
                .setMaxConnTotal(16)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(config.connectTimeout().toMillis()))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    @Override
    public Optional<String> answer(String question, List<Article> articles) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(articles, "articles");
        return complete("answer", Prompts.ANSWER_SYSTEM,
                Prompts.answerUser(question, articles, config.maxArticles(), config.maxArticleChars()));
    }

    @Override
    public Optional<String> suggest(String representativeQuestion, List<String> examples,
                                    List<Article> nearestArticles) {
        Objects.requireNonNull(representativeQuestion, "representativeQuestion");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(nearestArticles, "nearestArticles");
        return complete("suggest", Prompts.SUGGEST_SYSTEM, Prompts.suggestUser(representativeQuestion, examples,
                nearestArticles, config.maxArticles(), config.maxArticleChars()));
    }

    private Optional<String> complete(String op, String system, String user) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(Map.of(
                    "model", config.model(),
                    "messages", List.of(Map.of("role", "system", "content", system),
                            Map.of("role", "user", "content", user)),
                    "temperature", config.temperature()));
        } catch (IOException e) {
            log.warn("model fallback operation={} reason=request-not-serializable", op);
            return Optional.empty();
        }
        long start = nanoTime.getAsLong();
        long budgetNanos = config.totalBudget().toNanos();
        List<Duration> waits = config.retry().waits();
        for (int attempt = 1; ; attempt++) {
            long left = budgetNanos - (nanoTime.getAsLong() - start);
            if (left < MIN_ATTEMPT.toNanos()) {
                log.error("model fallback operation={} attempts={} reason=budget-spent budget_ms={}",
                        op, attempt - 1, config.totalBudget().toMillis());
                return Optional.empty();
            }
            Outcome outcome = attempt(body, Duration.ofNanos(left));
            if (outcome.answer != null) {
                return Optional.of(outcome.answer);
            }
            if (!outcome.retryable) {
                log.warn("model fallback operation={} attempts={} status={} reason={}",
                        op, attempt, outcome.status, outcome.reason);
                return Optional.empty();
            }
            if (attempt > waits.size()) {
                log.error("model fallback operation={} attempts={} status={} reason={} (retries exhausted)",
                        op, attempt, outcome.status, outcome.reason);
                return Optional.empty();
            }
            Duration wait = waits.get(attempt - 1);
            if (outcome.retryAfter.isPresent()) {
                if (outcome.retryAfter.get().compareTo(config.retry().retryAfterCap()) > 0) {
                    log.error("model fallback operation={} attempts={} status={} reason=retry-after-beyond-cap",
                            op, attempt, outcome.status);
                    return Optional.empty();
                }
                if (outcome.retryAfter.get().compareTo(wait) > 0) {
                    wait = outcome.retryAfter.get();
                }
            }
            long elapsed = nanoTime.getAsLong() - start;
            if (elapsed + wait.toNanos() + MIN_ATTEMPT.toNanos() >= budgetNanos) {
                log.error("model fallback operation={} attempts={} status={} reason={} (no time left in budget"
                                + " for a retry after wait_ms={}, budget_ms={})",
                        op, attempt, outcome.status, outcome.reason, wait.toMillis(), config.totalBudget().toMillis());
                return Optional.empty();
            }
            log.warn("model retry operation={} attempt={} status={} reason={} wait_ms={}",
                    op, attempt, outcome.status, outcome.reason, wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("model fallback operation={} attempts={} reason=interrupted", op, attempt);
                return Optional.empty();
            }
        }
    }

    /** One exchange: an answer, or why not and whether another attempt may help. */
    private record Outcome(String answer, boolean retryable, int status, String reason, Optional<Duration> retryAfter) {

        static Outcome ok(String answer) {
            return new Outcome(answer, false, 200, "ok", Optional.empty());
        }

        static Outcome failed(boolean retryable, int status, String reason) {
            return new Outcome(null, retryable, status, reason, Optional.empty());
        }
    }

    private Outcome attempt(byte[] body, Duration left) {
        HttpPost post = new HttpPost(endpoint);
        post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        Timeout t = Timeout.ofMilliseconds(Math.max(1, left.toMillis()));
        post.setConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t)
                .setRedirectsEnabled(false).build());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try {
            return http.execute(post, response -> {
                int status = response.getCode();
                byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                if (status < 200 || status > 299) {
                    boolean retryable = config.retry().retryableStatuses().contains(status);
                    var header = response.getFirstHeader("Retry-After");
                    Optional<Duration> retryAfter = header == null ? Optional.empty() : retryAfter(header.getValue());
                    return new Outcome(null, retryable, status, "status=" + status, retryAfter);
                }
                return parse(status, bytes);
            });
        } catch (IOException e) {
            return Outcome.failed(retryableIo(e), 0, "io=" + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return Outcome.failed(false, 0, "client-error=" + e.getClass().getSimpleName());
        }
    }

    private Outcome parse(int status, byte[] bytes) {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            return Outcome.failed(false, status, "malformed-json");
        }
        if (root == null || !root.isObject()) {
            return Outcome.failed(false, status, "malformed-json");
        }
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            return Outcome.failed(false, status, root.has("error") ? "error-in-body" : "no-choices");
        }
        String text = content.asText().strip();
        return text.isEmpty() ? Outcome.failed(false, status, "empty-answer") : Outcome.ok(text);
    }

    static Optional<Duration> retryAfter(String header) {
        String h = header.strip();
        if (!h.isEmpty() && h.length() < 10 && h.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(h)));
        }
        return Optional.empty();
    }

    private static boolean retryableIo(IOException e) {
        return e instanceof ConnectException || e instanceof ConnectTimeoutException
                || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || e instanceof SocketTimeoutException || e instanceof NoHttpResponseException
                || e instanceof SocketException
                || e instanceof org.apache.hc.core5.http.ConnectionClosedException;
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        pool.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "OpenAiLanguageModel[" + config.baseUrl() + ", model=" + config.model() + "]";
    }
}
