package dev.forgebot.application.port.out;

import dev.forgebot.domain.lead.LeadId;
import java.util.Objects;

/**
 * Storage for files customers send, filed against their lead.
 *
 * <p>Contract: an upload is attempted exactly once (never retried: a retry could store a file
 * twice); a file larger than {@link #maxFileBytes()} is refused with a {@link PermanentStorageException}
 * before anything is sent. Failures are {@link TransientStorageException} or
 * {@link PermanentStorageException}. Thread-safe.
 */
public interface FileStore {

    /** The largest file accepted, in bytes. */
    long maxFileBytes();

    /**
     * Stores a file for a lead.
     *
     * @param key where to store it, unique per file (e.g. derived from the inbound key)
     * @return what was stored
     */
    StoredFile upload(LeadId leadId, String key, String fileName, String contentType, byte[] content);

    /**
     * A stored file.
     *
     * @param leadId    whose
     * @param key       where it is stored
     * @param sizeBytes how large
     */
    record StoredFile(LeadId leadId, String key, long sizeBytes) {
        public StoredFile {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(key, "key");
        }
    }
}
