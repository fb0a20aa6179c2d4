package dev.forgebot.application.port.out;

/**
 * A storage (or other remote) call failed in a way that may succeed later: the service was
 * unavailable, overloaded, timed out or never answered. The adapter has already retried as far as
 * its contract allows; callers leave the work pending and try again later instead of looping.
 */
public non-sealed class TransientStorageException extends StorageException {

    private static final long serialVersionUID = 1L;

    public TransientStorageException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }

    public TransientStorageException(String operation, String message) {
        super(operation, message, null);
    }
}
