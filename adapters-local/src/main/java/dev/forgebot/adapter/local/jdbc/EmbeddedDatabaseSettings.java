package dev.forgebot.adapter.local.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open the {@link EmbeddedDatabase}.
 *
 * @param dataDir      the data directory; the database is {@code forgebot.db} in it, files go to {@code files/}
 * @param maxFileBytes the largest file the file store accepts, positive
 * @param busyTimeout  how long a statement waits for a lock held by another process before failing
 *                     transiently, 0 to 1 minute
 */
public record EmbeddedDatabaseSettings(Path dataDir, long maxFileBytes, Duration busyTimeout) {

    /** 20 MB, Telegram's bot download limit. */
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    /** Five seconds. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    public EmbeddedDatabaseSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
        if (busyTimeout.isNegative() || busyTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("busyTimeout must be within 0..1 minute, was " + busyTimeout);
        }
    }

    /** The defaults for {@code dataDir}. */
    public static EmbeddedDatabaseSettings defaults(Path dataDir) {
        return new EmbeddedDatabaseSettings(dataDir, DEFAULT_MAX_FILE_BYTES, DEFAULT_BUSY_TIMEOUT);
    }

    /** The same settings with another file size limit. */
    public EmbeddedDatabaseSettings withMaxFileBytes(long bytes) {
        return new EmbeddedDatabaseSettings(dataDir, bytes, busyTimeout);
    }
}
