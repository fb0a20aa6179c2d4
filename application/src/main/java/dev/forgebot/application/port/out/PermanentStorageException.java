package dev.forgebot.application.port.out;

/**
 * A storage (or other remote) call failed in a way that trying again will not fix: the request was
 * rejected (bad input, missing table, wrong key, conflict). Callers give up on the work and report it.
 */
public non-sealed class PermanentStorageException extends StorageException {

    private static final long serialVersionUID = 1L;

    public PermanentStorageException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }

    public PermanentStorageException(String operation, String message) {
        super(operation, message, null);
    }
}
