package dev.forgebot.adapter.insforge.model;

import java.util.Objects;

/**
 * The language model's API key (e.g. the OpenRouter key). Immutable; {@link #toString()} never shows
 * it, and only {@link OpenAiLanguageModel} reads the value, to build {@code Authorization: Bearer}.
 */
public final class ModelKey {

    private final String value;

    private ModelKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a key.
     *
     * @throws IllegalArgumentException if blank or holding whitespace or control characters (the
     *                                  message never repeats the key)
     */
    public static ModelKey of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("model key is blank or holds whitespace or control characters");
        }
        return new ModelKey(value);
    }

    String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelKey other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ModelKey[****]";
    }
}
