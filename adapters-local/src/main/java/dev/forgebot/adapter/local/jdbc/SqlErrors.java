package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.StorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Translates SQLite's failures into the application's two storage failures, at the edge of the store.
 *
 * <p>SQLite reports a primary result code (the low byte of {@link SQLException#getErrorCode()} as the
 * xerial driver sets it). Busy, locked, I/O, full disk, out of memory and "cannot open" may succeed
 * later; constraint, schema, misuse, corruption and everything else will not. Messages carry the
 * code and SQLite's own message, which names tables and columns but never bound values, so no
 * customer text ends up in them.
 */
final class SqlErrors {

    private static final int SQLITE_NOMEM = 7;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_INTERRUPT = 9;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_PROTOCOL = 15;

    private SqlErrors() {
    }

    static StorageException translate(String operation, SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        String message = "sqlite error " + code + " (" + describe(code) + ")";
        if (e instanceof SQLTransientException || isTransient(code)) {
            return new TransientStorageException(operation, message, e);
        }
        return new PermanentStorageException(operation, message, e);
    }

    static boolean isTransient(int primaryCode) {
        return switch (primaryCode) {
            case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_INTERRUPT, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN,
                    SQLITE_PROTOCOL -> true;
            default -> false;
        };
    }

    private static String describe(int code) {
        return switch (code) {
            case 0 -> "driver error";
            case 1 -> "error";
            case SQLITE_BUSY -> "busy";
            case SQLITE_LOCKED -> "locked";
            case SQLITE_NOMEM -> "out of memory";
            case 8 -> "read-only";
            case SQLITE_INTERRUPT -> "interrupted";
            case SQLITE_IOERR -> "I/O error";
            case 11 -> "corrupt";
            case SQLITE_FULL -> "disk full";
            case SQLITE_CANTOPEN -> "cannot open";
            case SQLITE_PROTOCOL -> "lock protocol";
            case 17 -> "schema changed";
            case 18 -> "too big";
            case 19 -> "constraint violated";
            case 20 -> "type mismatch";
            case 21 -> "misuse";
            case 26 -> "not a database";
            default -> "code " + code;
        };
    }
}
