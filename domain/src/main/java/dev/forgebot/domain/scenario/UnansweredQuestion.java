package dev.forgebot.domain.scenario;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer question the knowledge base could not answer, as input to {@link QuestionClusterer}.
 * The application layer maps its stored rows (with their ids and leads) onto this value.
 *
 * <p>Immutable and thread-safe. Construction fails with {@link IllegalArgumentException} when the
 * text is blank after stripping white space or longer than {@link #MAX_LENGTH} characters, and with
 * {@link NullPointerException} when an argument is null.
 *
 * @param text the question as the customer wrote it, stored stripped of leading and trailing white space
 * @param askedAt when the customer asked it
 */
public record UnansweredQuestion(String text, Instant askedAt) {

    /** Longest text accepted, in UTF-16 code units: Telegram's own limit for one message. */
    public static final int MAX_LENGTH = 4_096;

    public UnansweredQuestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(askedAt, "askedAt");
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("question text must not be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "question text has " + text.length() + " characters, more than " + MAX_LENGTH);
        }
    }
}
