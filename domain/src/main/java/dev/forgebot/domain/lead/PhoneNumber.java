package dev.forgebot.domain.lead;

import java.util.Objects;

/**
 * A telephone number reduced to its digits: 7 to 15 of them (the E.164 maximum), with whether it
 * was written in international form ({@code +44 ...} or {@code 0044 ...}), in which case the
 * digits start with the country code. A local number ({@code 020 7946 0958}) keeps its trunk
 * prefix and cannot be turned into E.164 without knowing the country.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>The constructor throws {@link IllegalArgumentException} if {@code digits} is not 7 to 15 ASCII digits.
 *
 * @param digits        the ASCII digits, without prefix or separators
 * @param international whether {@code digits} start with a country code
 */
public record PhoneNumber(String digits, boolean international) {

    public static final int MIN_DIGITS = 7;
    public static final int MAX_DIGITS = 15;

    public PhoneNumber {
        Objects.requireNonNull(digits, "phone digits must not be null");
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "phone number must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, got " + digits.length());
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("phone number must contain only digits 0-9: " + digits);
            }
        }
        if (international && digits.charAt(0) == '0') {
            throw new IllegalArgumentException("an international number cannot start with 0 after the '+': " + digits);
        }
    }

    /**
     * Parses the normalised form produced by {@link #normalized()}: {@code +} and digits for an
     * international number, digits only for a local one.
     *
     * @throws IllegalArgumentException if {@code normalized} is not of that form
     */
    public static PhoneNumber parse(String normalized) {
        Objects.requireNonNull(normalized, "phone number must not be null");
        return normalized.startsWith("+")
                ? new PhoneNumber(normalized.substring(1), true)
                : new PhoneNumber(normalized, false);
    }

    /**
     * Returns {@code +digits} for an international number (its E.164 form) and plain digits for a
     * local one.
     */
    public String normalized() {
        return international ? "+" + digits : digits;
    }

    @Override
    public String toString() {
        return normalized();
    }
}
