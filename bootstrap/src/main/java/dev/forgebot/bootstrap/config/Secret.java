package dev.forgebot.bootstrap.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret string (bot token, API key, webhook secret). It prints as {@code ****} everywhere, so a
 * config, a log line or an exception that carries one cannot leak it; only {@link #reveal()} gives the
 * value, at the single place that sends it. Immutable and thread-safe.
 */
public final class Secret {

    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws IllegalArgumentException when the value is blank (an empty secret is a missing one)
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /** The secret itself: call it only where the value is sent, never to log or print it. */
    public String reveal() {
        return value;
    }

    /** Always {@code ****}. */
    @Override
    public String toString() {
        return MASK;
    }

    /** Equal when the values are; compared in constant time, so a timing cannot reveal a prefix. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
