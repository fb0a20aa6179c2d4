package dev.forgebot.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Questions the bot could not answer, the raw material of scenario drafts.
 *
 * <p>Contract: {@link #record} is idempotent on {@link LoggedQuestion#key()}. Failures are
 * {@link TransientStorageException} or {@link PermanentStorageException}. Thread-safe.
 */
public interface QuestionLog {

    /** Stores the question unless one with its key exists. */
    void record(LoggedQuestion question);

    /** Questions asked at or after {@code since} and before {@code until}, oldest first. */
    List<LoggedQuestion> askedBetween(Instant since, Instant until, int limit);

    /** Number of questions stored. */
    long count();
}
