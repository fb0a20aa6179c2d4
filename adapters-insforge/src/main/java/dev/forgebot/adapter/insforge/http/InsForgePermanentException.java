package dev.forgebot.adapter.insforge.http;

import dev.forgebot.application.port.out.PermanentStorageException;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An InsForge call was rejected and trying again will not help: any status outside the retryable
 * set (400, 401, 403, 404, 406, 409, 504, ...), an unreadable success body, or a protocol error.
 * Carries the HTTP status (if any) and the parsed error body.
 */
public final class InsForgePermanentException extends PermanentStorageException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient InsForgeError error;

    InsForgePermanentException(String operation, String message, int status, InsForgeError error,
                               Throwable cause) {
        super(operation, message, cause);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status, or empty when the failure was not an HTTP error response. */
    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }

    /** The parsed error body, if there was one. */
    public Optional<InsForgeError> error() {
        return Optional.ofNullable(error);
    }
}
