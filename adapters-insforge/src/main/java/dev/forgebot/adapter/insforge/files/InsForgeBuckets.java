package dev.forgebot.adapter.insforge.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.InsForgePermanentException;
import dev.forgebot.application.port.out.PermanentStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes sure the files bucket exists and is private, through the storage API: reads {@code GET
 * /api/storage/buckets}, creates the bucket with {@code isPublic:false} if it is missing (a 409 means
 * someone created it meanwhile), and turns a public bucket private with {@code PATCH}. Running it
 * again changes nothing. Failures are the client's storage exceptions. Thread-safe.
 */
public final class InsForgeBuckets {

    /** The bucket customers' files go to. */
    public static final String FILES = "forgebot-files";

    private static final Logger log = LoggerFactory.getLogger(InsForgeBuckets.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");

    /** What {@link #ensurePrivate(String)} had to do. */
    public enum Outcome { CREATED, ALREADY_PRIVATE, MADE_PRIVATE }

    private final InsForgeHttpClient client;

    public InsForgeBuckets(InsForgeHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Ensures {@link #FILES} exists and is private. */
    public Outcome ensureFilesBucket() {
        return ensurePrivate(FILES);
    }

    /** Ensures {@code bucket} exists and is private. */
    public Outcome ensurePrivate(String bucket) {
        if (bucket == null || !NAME.matcher(bucket).matches()) {
            throw new IllegalArgumentException("not an allowed bucket name");
        }
        Optional<Boolean> isPublic = find(bucket);
        if (isPublic.isEmpty()) {
            try {
                client.adminPost("/api/storage/buckets", Map.of("bucketName", bucket, "isPublic", false));
                log.info("insforge bucket created bucket={} public=false", bucket);
                return Outcome.CREATED;
            } catch (InsForgePermanentException e) {
                if (e.status().orElse(0) != 409) {
                    throw e;
                }
                isPublic = find(bucket);
                if (isPublic.isEmpty()) {
                    throw new PermanentStorageException("storage.bucket", "bucket " + bucket
                            + " was refused as existing (409) but is not listed");
                }
            }
        }
        if (isPublic.get()) {
            client.adminPatch("/api/storage/buckets/" + bucket, Map.of("isPublic", false));
            log.warn("insforge bucket was public, made private bucket={}", bucket);
            return Outcome.MADE_PRIVATE;
        }
        return Outcome.ALREADY_PRIVATE;
    }

    /** Whether the bucket is public, or empty when it does not exist. */
    private Optional<Boolean> find(String bucket) {
        JsonNode reply = client.adminGet("/api/storage/buckets");
        JsonNode list = reply.isArray() ? reply : reply.path("buckets");
        for (JsonNode b : list) {
            if (bucket.equals(b.path("name").asText(null))) {
                JsonNode pub = b.has("public") ? b.get("public") : b.path("isPublic");
                return Optional.of(pub.asBoolean(true));
            }
        }
        return Optional.empty();
    }
}
