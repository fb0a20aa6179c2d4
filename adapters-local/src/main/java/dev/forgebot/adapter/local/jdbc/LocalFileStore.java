package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.lead.LeadId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link FileStore} on the local disk: a file goes to {@code <data dir>/files/<lead>/<key>} (the key
 * made safe as one file name) and is listed in the {@code attachments} table.
 *
 * <p>An upload is refused before anything is written if it is larger than {@link #maxFileBytes()}
 * or if its key is taken (no overwrite, as a private bucket does). Otherwise the bytes go to a temp
 * file in the target directory, which is fsynced, then, inside the transaction that inserts the
 * {@code attachments} row, atomically moved into place and the directory fsynced; so a crash leaves
 * either no file and no row or both (at worst a stray temp file). Failures of the disk are
 * {@link TransientStorageException}. Thread-safe: the check, move and insert run under the database
 * lock; writing the temp file does not hold it.
 */
final class LocalFileStore implements FileStore {

    private static final int MAX_NAME_LENGTH = 120;

    private final Database database;
    private final Path root;
    private final long maxFileBytes;

    LocalFileStore(Database database, Path root, long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
        this.database = database;
        this.root = root;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public long maxFileBytes() {
        return maxFileBytes;
    }

    @Override
    public StoredFile upload(LeadId leadId, String key, String fileName, String contentType, byte[] content) {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        if (content.length > maxFileBytes) {
            throw new PermanentStorageException("files.upload",
                    "file is " + content.length + " bytes, the limit is " + maxFileBytes);
        }
        if (key.isBlank()) {
            throw new PermanentStorageException("files.upload", "a file needs a key");
        }
        String relative = leadId.value() + "/" + safeName(key);
        Path target = root.resolve(relative);
        Path temp = writeTemp(target.getParent(), content);
        try {
            return database.inTransaction("files.upload", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO attachments (key, lead_id, file_name, content_type, size_bytes, path)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                    insert.setString(1, key);
                    insert.setString(2, leadId.value().toString());
                    insert.setString(3, fileName);
                    insert.setString(4, contentType);
                    insert.setLong(5, content.length);
                    insert.setString(6, relative);
                    if (insert.executeUpdate() == 0) {
                        throw new PermanentStorageException("files.upload", "a file is stored under this key already");
                    }
                }
                // The row is the truth: a file without a row (a commit that failed after the move) is replaced.
                moveIntoPlace(temp, target);
                return new StoredFile(leadId, key, content.length);
            });
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The bytes stored under {@code key}, if any (for tests and operators). */
    Optional<byte[]> read(String key) {
        Optional<String> relative = database.inTransaction("files.read", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT path FROM attachments WHERE key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(root.resolve(relative.get())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TransientStorageException("files.read", "file could not be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Path writeTemp(Path directory, byte[] content) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".upload-", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            return temp;
        } catch (IOException e) {
            throw new TransientStorageException("files.upload", "file could not be written: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new PermanentStorageException("files.upload", "the data directory does not support atomic moves", e);
        }
        // Make the rename itself durable (POSIX); some systems cannot open a directory, which only costs that.
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort beyond the file's own fsync
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stray temp file is harmless
        }
    }

    /**
     * One safe file name for a key: letters, digits, '.', '_' and '-' kept, every other byte of its
     * UTF-8 form percent-encoded (so '/' cannot make a path, and distinct keys stay distinct); a long
     * key is shortened to a prefix and its SHA-256.
     */
    static String safeName(String key) {
        StringBuilder name = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || (c == '.' && !name.isEmpty());
            if (plain) {
                name.append(c);
            } else {
                name.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        if (name.length() <= MAX_NAME_LENGTH) {
            return name.toString();
        }
        return name.substring(0, 40) + "~" + sha256(key);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
