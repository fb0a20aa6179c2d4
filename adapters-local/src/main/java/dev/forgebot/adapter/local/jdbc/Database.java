package dev.forgebot.adapter.local.jdbc;

import com.fasterxml.jackson.core.JacksonException;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one connection every store shares, and the only way to use it: {@link #inTransaction} runs a
 * unit of work under a lock, in a transaction that is committed before it returns.
 *
 * <p>Why one connection: the bot is one process whose writes are small and fast, and SQLite lets only
 * one writer in at a time anyway; serialising every call on one connection makes each call atomic
 * and isolated without busy retries between our own connections, and keeps the code obviously
 * correct. Reads are serialised too; they are index lookups and cost microseconds.
 *
 * <p>Thread-safety: a {@link ReentrantLock} (not {@code synchronized}, so a waiting virtual thread
 * does not pin its carrier) guards the connection; any number of (virtual) threads may call. The
 * connection runs with auto-commit off, so each unit of work is one transaction; it is committed
 * (WAL append and fsync, {@code synchronous=FULL}) before the call returns, which is what makes a
 * returned write survive a kill of the process.
 *
 * <p>Failures: {@link SQLException} becomes a transient or permanent storage failure (see
 * {@link SqlErrors}); a row that cannot be read back into the domain (invalid value, unreadable
 * JSON) is a permanent failure; the transaction is rolled back in every case.
 */
final class Database implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    Database(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        this.connection = connection;
    }

    /** A unit of work on the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    /**
     * Runs {@code work} in a transaction and commits it.
     *
     * @param operation what it is, for failures, e.g. {@code leads.update}
     */
    <T> T inTransaction(String operation, Work<T> work) {
        lock.lock();
        try {
            if (connection == null) {
                throw new PermanentStorageException(operation, "the embedded database is closed");
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollback();
                throw SqlErrors.translate(operation, e);
            } catch (JacksonException e) {
                rollback();
                throw new PermanentStorageException(operation, "stored JSON could not be read or written", e);
            } catch (IOException | UncheckedIOException e) {
                rollback();
                throw new TransientStorageException(operation, "file I/O failed: " + e.getClass().getSimpleName(), e);
            } catch (IllegalArgumentException | ArithmeticException e) {
                rollback();
                throw new PermanentStorageException(operation, "a value could not be stored or read back", e);
            } catch (RuntimeException | Error e) {
                rollback();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters; SQLite rolls back an open transaction on close anyway.
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw SqlErrors.translate("database.close", e);
                } finally {
                    connection = null;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // Small JDBC helpers shared by the stores.

    static void setOptionalText(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    static void setOptionalTime(PreparedStatement statement, int index, Optional<java.time.Instant> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, Times.stored(value.get()));
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    static Optional<String> optionalText(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    static Optional<java.time.Instant> optionalTime(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Times.read(value));
    }

    static java.time.Instant time(ResultSet row, String column) throws SQLException {
        return Times.read(row.getLong(column));
    }

    static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit cannot be negative, was " + limit);
        }
    }
}
