package dev.forgebot.adapter.insforge.http;

import java.time.Duration;
import java.util.Optional;

/**
 * Thrown inside a records call when the contract allows another attempt: a retryable status, a
 * failure to connect or a call that got no answer. Never leaves the client; Resilience4j retries
 * exactly this type, and when the attempts run out it becomes an {@link InsForgeTransientException}.
 */
final class RetryableFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String target;
    private final int status;
    private final transient Optional<Duration> retryAfter;
    private final transient InsForgeError error;
    private final String reason;

    RetryableFailure(String operation, String target, int status, Optional<Duration> retryAfter,
                     InsForgeError error, String reason, Throwable cause) {
        super(operation + " " + target + " " + reason, cause, false, false);
        this.operation = operation;
        this.target = target;
        this.status = status;
        this.retryAfter = retryAfter;
        this.error = error;
        this.reason = reason;
    }

    String operation() {
        return operation;
    }

    String target() {
        return target;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    InsForgeError error() {
        return error;
    }

    String reason() {
        return reason;
    }
}
