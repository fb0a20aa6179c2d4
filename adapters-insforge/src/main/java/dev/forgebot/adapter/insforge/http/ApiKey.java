package dev.forgebot.adapter.insforge.http;

import java.util.Objects;

/**
 * The InsForge admin API key. Immutable and thread-safe. Its {@link #toString()} never shows the
 * key, so it can sit in configs and logs; only the HTTP client reads the value, to build the
 * {@code Authorization: Bearer} header.
 */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a key.
     *
     * @throws IllegalArgumentException if the key is blank or holds whitespace or control characters
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("API key is blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("API key holds whitespace or control characters");
            }
        }
        return new ApiKey(value);
    }

    /** The raw key; package-private so only the client can read it. */
    String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[****]";
    }
}
