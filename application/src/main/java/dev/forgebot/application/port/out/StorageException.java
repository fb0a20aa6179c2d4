package dev.forgebot.application.port.out;

import java.util.Objects;

/**
 * Base of the two failures a storage port may throw: {@link TransientStorageException} and
 * {@link PermanentStorageException}. No library type crosses a port: adapters translate their
 * HTTP, JDBC or JSON failures into one of these at their edge. Messages never carry secrets or
 * customers' text.
 */
public abstract sealed class StorageException extends RuntimeException
        permits TransientStorageException, PermanentStorageException {

    private static final long serialVersionUID = 1L;

    private final String operation;

    protected StorageException(String operation, String message, Throwable cause) {
        super(Objects.requireNonNull(operation, "operation") + ": " + message, cause);
        this.operation = operation;
    }

    /** What was being done, e.g. {@code leads.findOrCreate}. */
    public String operation() {
        return operation;
    }
}
