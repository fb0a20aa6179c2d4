package dev.forgebot.adapter.insforge.http;

import dev.forgebot.application.port.out.TransientStorageException;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An InsForge call failed in a way that may succeed later: a retryable status (429, 500, 502, 503 by
 * default) after the retries ran out or a {@code Retry-After} beyond the cap, or no connection /
 * no answer. Carries the last HTTP status (if any), the number of attempts and the parsed error body.
 * The cause, if any, is a plain {@link java.io.IOException} copy of the network failure's text,
 * never an HttpClient type.
 */
public final class InsForgeTransientException extends TransientStorageException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int attempts;
    private final transient InsForgeError error;

    InsForgeTransientException(String operation, String message, int status, int attempts,
                               InsForgeError error, Throwable cause) {
        super(operation, message, cause);
        this.status = status;
        this.attempts = attempts;
        this.error = error;
    }

    /** The last HTTP status, or empty when no response came back. */
    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }

    /** The parsed error body of the last response, if there was one. */
    public Optional<InsForgeError> error() {
        return Optional.ofNullable(error);
    }
}
