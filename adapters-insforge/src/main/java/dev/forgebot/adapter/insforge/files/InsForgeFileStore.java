package dev.forgebot.adapter.insforge.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.lead.LeadId;

import java.util.Objects;

/**
 * {@link FileStore} on an InsForge storage bucket (private, see {@link InsForgeBuckets}). Objects are
 * stored at {@code <leadId>/<key>}.
 *
 * <p>Each upload is exactly one attempt (a retry could store a file twice); a file larger than
 * {@link #maxFileBytes()} is refused with a {@link PermanentStorageException} before any request.
 * Failures are the client's transient or permanent storage exceptions; a key the client refuses
 * ({@code ..}, empty segment) is a {@link PermanentStorageException}. Thread-safe.
 */
public final class InsForgeFileStore implements FileStore {

    private final InsForgeHttpClient client;
    private final String bucket;
    private final long maxFileBytes;

    /**
     * @param bucket       the bucket name, e.g. {@link InsForgeBuckets#FILES}
     * @param maxFileBytes the largest file accepted; must be positive
     */
    public InsForgeFileStore(InsForgeHttpClient client, String bucket, long maxFileBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
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
        Objects.requireNonNull(content, "content");
        if (content.length > maxFileBytes) {
            throw new PermanentStorageException("files.upload", "file of " + content.length
                    + " bytes exceeds the limit of " + maxFileBytes + " bytes");
        }
        String objectKey = leadId.value() + "/" + key;
        JsonNode stored;
        try {
            stored = client.upload(bucket, objectKey,
                    content,
                    contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType,
                    fileName == null || fileName.isBlank() ? "file" : fileName);
        } catch (IllegalArgumentException e) {
            throw new PermanentStorageException("files.upload", "object key or content type refused: "
                    + e.getMessage());
        }
        long size = stored.path("size").isIntegralNumber() ? stored.get("size").asLong() : content.length;
        String storedKey = stored.hasNonNull("key") ? stored.get("key").asText() : objectKey;
        return new StoredFile(leadId, storedKey, size);
    }

    @Override
    public String toString() {
        return "InsForgeFileStore[bucket=" + bucket + ", maxFileBytes=" + maxFileBytes + "]";
    }
}
