package dev.forgebot.domain.lead;

import java.util.Objects;

/**
 * The person name a customer gave, surrounding white space removed, otherwise as written.
 * Not blank, at most 100 characters.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>The constructor throws {@link IllegalArgumentException} if {@code value} is blank or longer than 100 characters.
 *
 * @param value the name
 */
public record PersonName(String value) {

    public static final int MAX_LENGTH = 100;

    public PersonName {
        Objects.requireNonNull(value, "person name must not be null");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("person name must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "person name must be at most " + MAX_LENGTH + " characters, got " + value.length());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
