package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.lead.LeadId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link FileStore} in memory; passes {@code FileStoreContract}. Refuses a file above
 * {@link #maxFileBytes()} before storing anything, and a second upload under a stored key (as a
 * private bucket without overwrite does). Records every stored upload. Thread-safe (one lock).
 */
public class InMemoryFileStore implements FileStore {

    /** The default limit, 20 MB (Telegram's bot download limit). */
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    private final long maxFileBytes;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();

    /** A store accepting files up to {@link #DEFAULT_MAX_FILE_BYTES}. */
    public InMemoryFileStore() {
        this(DEFAULT_MAX_FILE_BYTES);
    }

    /** A store accepting files up to {@code maxFileBytes}. */
    public InMemoryFileStore(long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public long maxFileBytes() {
        return maxFileBytes;
    }

    @Override
    public synchronized StoredFile upload(LeadId leadId, String key, String fileName, String contentType, byte[] content) {
        if (content.length > maxFileBytes) {
            throw new PermanentStorageException("files.upload",
                    "file is " + content.length + " bytes, the limit is " + maxFileBytes);
        }
        if (uploads.containsKey(key)) {
            throw new PermanentStorageException("files.upload", "a file is stored under this key already");
        }
        uploads.put(key, new Upload(leadId, key, fileName, contentType, content.clone()));
        return new StoredFile(leadId, key, content.length);
    }

    /** Every stored upload, in order. */
    public synchronized List<Upload> uploads() {
        return List.copyOf(uploads.values());
    }

    /** The upload stored under {@code key}. */
    public synchronized Optional<Upload> find(String key) {
        return Optional.ofNullable(uploads.get(key));
    }

    /** One stored upload. */
    public record Upload(LeadId leadId, String key, String fileName, String contentType, byte[] content) {
        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
