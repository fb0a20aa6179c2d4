package dev.forgebot.domain.lead;

import java.util.Locale;
import java.util.Objects;

/**
 * A syntactically valid e-mail address as customers type it: one {@code @}, a dot-atom local part
 * (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, dots only between characters) and an ASCII
 * domain of at least two labels (letters, digits, inner hyphens; a top-level label of two or more
 * letters). At most 254 characters. The domain is stored lower-cased; the local part keeps its case,
 * since mailbox names may be case-sensitive.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>The constructor throws {@link IllegalArgumentException} if {@code value} is not a valid address.
 *
 * @param value the address, domain lower-cased
 */
public record EmailAddress(String value) {

    /** RFC 5321 path limit minus the angle brackets. */
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    public EmailAddress {
        Objects.requireNonNull(value, "email address must not be null");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("email address is longer than " + MAX_LENGTH + " characters");
        }
        int at = value.indexOf('@');
        if (at < 0 || at != value.lastIndexOf('@')) {
            throw new IllegalArgumentException("email address must contain exactly one '@': " + value);
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        checkLocalPart(local, value);
        checkDomain(domain, value);
        value = local + "@" + domain;
    }

    /** Returns the part before the {@code @}, case preserved. */
    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    /** Returns the lower-cased domain after the {@code @}. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void checkLocalPart(String local, String whole) {
        if (local.isEmpty()) {
            throw new IllegalArgumentException("email address has an empty local part: " + whole);
        }
        if (local.length() > MAX_LOCAL_LENGTH) {
            throw new IllegalArgumentException("email local part is longer than " + MAX_LOCAL_LENGTH + " characters");
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new IllegalArgumentException("email local part has a misplaced dot: " + whole);
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && LOCAL_SPECIALS.indexOf(c) < 0) {
                throw new IllegalArgumentException("email local part has an invalid character '" + c + "': " + whole);
            }
        }
    }

    private static void checkDomain(String domain, String whole) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw new IllegalArgumentException("email domain must contain a dot: " + whole);
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
                throw new IllegalArgumentException("email domain has an empty or over-long label: " + whole);
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new IllegalArgumentException("email domain label starts or ends with '-': " + whole);
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!isAsciiLetterOrDigit(c) && c != '-') {
                    throw new IllegalArgumentException("email domain has an invalid character '" + c + "': " + whole);
                }
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.length() < 2 || !tld.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            throw new IllegalArgumentException("email top-level domain must be two or more letters: " + whole);
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
