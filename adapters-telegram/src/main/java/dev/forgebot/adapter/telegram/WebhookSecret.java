package dev.forgebot.adapter.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The webhook's secret token ({@code secret_token} of {@code setWebhook}), which Telegram sends back in
 * {@code X-Telegram-Bot-Api-Secret-Token} on every delivery. A secret: kept out of every log line,
 * exception message and {@code toString}; only {@link #reveal()} gives it out, for {@code setWebhook}.
 *
 * <p>{@link #matches(String)} compares in time that does not depend on how much of the secret a
 * presented value got right: it compares the SHA-256 digests of both with
 * {@link MessageDigest#isEqual}, which is constant-time for equal lengths (digests always are). Digesting
 * also hides the secret's length and any shared prefix; the time spent depends only on the length of the
 * presented value, which the caller chose. {@code WebhookSecretBenchmark} measures it. Immutable and
 * thread-safe.
 */
public final class WebhookSecret {

    /** What Telegram accepts as {@code secret_token}. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    /** Domain separation, so the registration fingerprint is not a plain hash of the secret. */
    private static final String FINGERPRINT_PREFIX = "forgebot-webhook:";
    private static final int FINGERPRINT_HEX_CHARS = 12;

    private final String value;
    private final byte[] digest;

    private WebhookSecret(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /**
     * Wraps a secret.
     *
     * @throws IllegalArgumentException if it is not 1-256 characters from {@code A-Z a-z 0-9 _ -} (the
     *                                  message never repeats the value)
     */
    public static WebhookSecret of(String value) {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a webhook secret is 1-256 characters from A-Z, a-z, 0-9, _ and - (was " + value.length()
                            + " characters)");
        }
        return new WebhookSecret(value);
    }

    /**
     * Whether {@code presented} is the secret, in time independent of how much of it matched.
     *
     * @param presented the header's value; null (no header) never matches
     */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    /**
     * A short, non-reversible fingerprint of the secret: the first 12 hex characters of
     * SHA-256({@code "forgebot-webhook:" + secret}). Telegram never shows the secret in
     * {@code getWebhookInfo}, so the registrar puts this in the webhook URL to notice a changed secret.
     * 48 bits of a hash reveal nothing usable of a random secret; a guessable secret is weak anyway.
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(sha256(FINGERPRINT_PREFIX + value)).substring(0, FINGERPRINT_HEX_CHARS);
    }

    /** The secret itself, for {@code setWebhook} only. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret other && MessageDigest.isEqual(other.digest, digest);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "WebhookSecret[****]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
