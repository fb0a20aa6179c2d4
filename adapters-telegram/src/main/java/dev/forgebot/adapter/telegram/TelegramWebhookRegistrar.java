package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.RegistrationOutcome.Difference;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.WebhookRegistration;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import dev.forgebot.application.port.out.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the webhook at Telegram, only when {@code getWebhookInfo} shows something else: several
 * instances starting together then call {@code setWebhook} once between them (it is rate-limited),
 * not once each. Also reads the webhook's state for health and {@code forgebot check}.
 *
 * <p><b>The secret's fingerprint.</b> {@code getWebhookInfo} never shows the secret, so a changed
 * secret would go unnoticed and every delivery would be refused with 401. The URL is therefore
 * registered with a query parameter {@value #FINGERPRINT_PARAMETER} carrying
 * {@link WebhookSecret#fingerprint()} (12 hex characters of a salted SHA-256 of the secret, which does
 * not reveal it): a new secret gives a new URL, and the difference shows. The webhook server ignores
 * the query string. {@link #status()} reports the URL without it.
 *
 * <p>Never calls {@code deleteWebhook}. A 429 from {@code setWebhook} is waited out once (through the
 * {@link Sleeper}, up to a cap) and the call made again; any other failure, or a second one, is thrown
 * as the {@link TelegramApi}'s exception. Thread-safe (it holds no state).
 */
public final class TelegramWebhookRegistrar {

    /** The query parameter carrying the secret's fingerprint. */
    public static final String FINGERPRINT_PARAMETER = "fbv";
    /** The longest {@code retry_after} waited out by default: start-up must not hang for long. */
    public static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(60);
    /** The wait when a 429 names none. */
    private static final Duration RETRY_AFTER_UNKNOWN = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRegistrar.class);

    private final TelegramApi api;
    private final Sleeper sleeper;
    private final Duration retryAfterCap;

    /**
     * @param api           the Bot API
     * @param sleeper       waits out a 429
     * @param retryAfterCap a longer {@code retry_after} is not waited out: the 429 is thrown at once
     */
    public TelegramWebhookRegistrar(TelegramApi api, Sleeper sleeper, Duration retryAfterCap) {
        this.api = Objects.requireNonNull(api, "api");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.retryAfterCap = Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        if (retryAfterCap.isNegative()) {
            throw new IllegalArgumentException("retryAfterCap must not be negative");
        }
    }

    /** A registrar waiting out a 429 of up to {@link #DEFAULT_RETRY_AFTER_CAP}. */
    public TelegramWebhookRegistrar(TelegramApi api, Sleeper sleeper) {
        this(api, sleeper, DEFAULT_RETRY_AFTER_CAP);
    }

    /**
     * Makes Telegram deliver to {@code wanted}: calls {@code setWebhook} (with the secret, the update
     * types and the connection limit) only if {@code getWebhookInfo} shows another URL, secret, set of
     * update types or connection limit. After a 429 (instances starting together) it waits it out and
     * reads {@code getWebhookInfo} again: if another instance set the webhook as wanted meanwhile, it
     * leaves it ({@link RegistrationOutcome.Unchanged}), else it tries once more.
     *
     * @throws TelegramApiException         when Telegram refuses (a 429 only after waiting it out once)
     * @throws dev.forgebot.adapter.telegram.api.TelegramUnreachableException when Telegram does not answer
     */
    public RegistrationOutcome ensureRegistered(WebhookRegistration wanted) {
        Objects.requireNonNull(wanted, "wanted");
        String fingerprint = WebhookSecret.of(wanted.secretToken()).fingerprint();
        String base = withoutFingerprint(wanted.url().toString());
        String url = withFingerprint(base, fingerprint);
        Set<Difference> differences = differences(api.getWebhookInfo(), base, url, wanted);
        if (differences.isEmpty()) {
            log.info("webhook already registered url={}", base);
            return new RegistrationOutcome.Unchanged();
        }
        boolean registeredHere = setWebhook(new WebhookRegistration(URI.create(url), wanted.secretToken(),
                wanted.allowedUpdates(), wanted.maxConnections()), () -> differences(api.getWebhookInfo(), base, url, wanted)
                .isEmpty());
        if (!registeredHere) {
            log.info("webhook registered meanwhile by another instance url={}", base);
            return new RegistrationOutcome.Unchanged();
        }
        log.info("webhook registered url={} differences={} allowedUpdates={} maxConnections={}", base, differences,
                wanted.allowedUpdates(), wanted.maxConnections());
        return new RegistrationOutcome.Registered(differences);
    }

    /**
     * The webhook's state at Telegram, read-only.
     *
     * @throws TelegramApiException when Telegram refuses
     * @throws dev.forgebot.adapter.telegram.api.TelegramUnreachableException when Telegram does not answer
     */
    public WebhookStatus status() {
        return statusOf(api.getWebhookInfo());
    }

    static WebhookStatus statusOf(WebhookInfo info) {
        String url = info.url() == null ? "" : withoutFingerprint(info.url());
        Optional<Instant> lastErrorAt = Optional.ofNullable(info.lastErrorDate()).filter(d -> d > 0)
                .map(Instant::ofEpochSecond);
        Optional<String> lastError = Optional.ofNullable(info.lastErrorMessage()).filter(m -> !m.isBlank());
        OptionalInt maxConnections = info.maxConnections() == null ? OptionalInt.empty()
                : OptionalInt.of(info.maxConnections());
        List<String> allowed = info.allowedUpdates() == null ? List.of() : info.allowedUpdates();
        return new WebhookStatus(url, Math.max(0, info.pendingUpdateCount()), lastErrorAt, lastError, maxConnections,
                allowed);
    }

    private static Set<Difference> differences(WebhookInfo info, String base, String url, WebhookRegistration wanted) {
        Set<Difference> differences = EnumSet.noneOf(Difference.class);
        String registered = info.url() == null ? "" : info.url();
        if (!registered.equals(url)) {
            differences.add(withoutFingerprint(registered).equals(base) ? Difference.SECRET : Difference.URL);
        }
        List<String> allowed = info.allowedUpdates() == null ? List.of() : info.allowedUpdates();
        if (!Set.copyOf(allowed).equals(Set.copyOf(wanted.allowedUpdates()))) {
            differences.add(Difference.ALLOWED_UPDATES);
        }
        if (info.maxConnections() == null || info.maxConnections() != wanted.maxConnections()) {
            differences.add(Difference.MAX_CONNECTIONS);
        }
        return differences;
    }

    /**
     * Sets the webhook; after a 429 waited out, first asks whether it {@code matchesNow} (instances
     * starting together: another one may have set it meanwhile), and sets it again only if not.
     *
     * @return true if this call set it, false if it was found set as wanted after the wait
     */
    private boolean setWebhook(WebhookRegistration registration, BooleanSupplier matchesNow) {
        try {
            api.setWebhook(registration);
            return true;
        } catch (TelegramApiException e) {
            if (!e.isTooManyRequests()) {
                throw e;
            }
            Duration wait = e.retryAfter().orElse(RETRY_AFTER_UNKNOWN);
            if (wait.compareTo(retryAfterCap) > 0) {
                log.error("setWebhook rate-limited, giving up retryAfter={} cap={}", wait, retryAfterCap);
                throw e;
            }
            log.warn("setWebhook rate-limited, trying once more attempt=1 retryAfter={}", wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw e;
            }
        }
        try {
            if (matchesNow.getAsBoolean()) {
                return false;
            }
            api.setWebhook(registration);
            return true;
        } catch (RuntimeException e) {
            log.error("setWebhook failed again, giving up attempts=2 problem={}", e.getMessage());
            throw e;
        }
    }

    /** {@code url} with {@code fbv=<fingerprint>} added to its query (before any fragment). */
    static String withFingerprint(String url, String fingerprint) {
        int hash = url.indexOf('#');
        String head = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = head.contains("?") ? (head.endsWith("?") || head.endsWith("&") ? "" : "&") : "?";
        return head + separator + FINGERPRINT_PARAMETER + "=" + fingerprint + fragment;
    }

    /** {@code url} without any {@code fbv} query parameter (and without a query left empty). */
    static String withoutFingerprint(String url) {
        int hash = url.indexOf('#');
        String head = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        int question = head.indexOf('?');
        if (question < 0) {
            return url;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : head.substring(question + 1).split("&")) {
            if (!parameter.isEmpty() && !parameter.equals(FINGERPRINT_PARAMETER)
                    && !parameter.startsWith(FINGERPRINT_PARAMETER + "=")) {
                kept.add(parameter);
            }
        }
        String path = head.substring(0, question);
        return (kept.isEmpty() ? path : path + "?" + String.join("&", kept)) + fragment;
    }
}
