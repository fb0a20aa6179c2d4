package dev.forgebot.adapter.local.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * {@link LineIds} kept in a small file, so that a second run's lines get new ids and are not taken
 * for redeliveries of the first run's. Each id is written to disk (synced, then atomically renamed
 * into place) before it is handed out. Thread-safe.
 */
public final class FileLineIds implements LineIds {

    private final Path file;
    private long last;

    /**
     * Opens (or starts) the sequence in {@code file}.
     *
     * @throws UncheckedIOException if the file exists but cannot be read
     * @throws IllegalStateException if the file does not hold a number
     */
    public FileLineIds(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        try {
            this.last = Files.exists(file) ? parse(Files.readString(file, StandardCharsets.US_ASCII)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the terminal line sequence " + file, e);
        }
    }

    private long parse(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the terminal line sequence " + file + " does not hold a number", e);
        }
    }

    @Override
    public synchronized long next() {
        long next = last + 1;
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(Long.toString(next).getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the terminal line sequence " + file, e);
        }
        last = next;
        return next;
    }
}
