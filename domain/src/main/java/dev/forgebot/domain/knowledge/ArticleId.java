package dev.forgebot.domain.knowledge;

/**
 * The stable identifier of a knowledge-base {@link Article}: non-blank, at most
 * {@value #MAX_LENGTH} characters. Ids order articles whose scores tie, so they should be
 * meaningful and stable (a slug such as {@code refund-policy}).
 *
 * @param value the identifier text, kept as given
 */
public record ArticleId(String value) implements Comparable<ArticleId> {

    /** Longest id accepted. */
    public static final int MAX_LENGTH = 200;

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException if the value is null, blank or longer than {@value #MAX_LENGTH}
     */
    public ArticleId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("article id must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "article id must be at most " + MAX_LENGTH + " characters, was " + value.length());
        }
    }

    @Override
    public int compareTo(ArticleId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
