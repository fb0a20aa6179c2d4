package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.adapter.telegram.dto.TelegramFile;
import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.StorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches a file a customer sent from Telegram: {@code getFile} for its download path, then the
 * download, each tried once (the application retries the whole entry on a transient failure, and a
 * new {@code getFile} also renews a download path that expired).
 *
 * <p>Name and type: {@link #fetch} has only the file id, so both come from the {@code file_path}
 * Telegram returns (such as {@code documents/file_12.pdf} or {@code photos/file_3.jpg}): the name
 * is its last segment, the type is looked up from its extension among common ones, else
 * {@code application/octet-stream}. The name and type the customer's message announced travel in
 * the inbox event's {@code FileRef} and are what the application keys the stored file by.
 *
 * <p>Failures: a file over {@code maxBytes} (announced by {@code getFile} or found while
 * downloading), an unknown or unusable file id, and other refusals (400, 413, ...) are
 * {@link PermanentStorageException}; flood control (429), Telegram's own failures (5xx, unreadable
 * answers), no answer at all, and a download path gone stale (404 on the download) are
 * {@link TransientStorageException}. Messages name the operation and Telegram's error, never the
 * token. Thread-safe (stateless over a thread-safe {@link TelegramApi}).
 */
public final class TelegramChannelFiles implements ChannelFiles {

    private static final String GET_FILE = "telegram.getFile";
    private static final String DOWNLOAD = "telegram.downloadFile";
    private static final String DEFAULT_TYPE = "application/octet-stream";

    /** Types of the extensions customers send most; the rest are octet streams. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("heic", "image/heic"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"), Map.entry("zip", "application/zip"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"), Map.entry("m4a", "audio/mp4"));

    private final TelegramApi api;

    public TelegramChannelFiles(TelegramApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public ChannelFile fetch(String channelFileId, long maxBytes) {
        Objects.requireNonNull(channelFileId, "channelFileId");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes cannot be negative, was " + maxBytes);
        }
        TelegramFile file;
        try {
            file = api.getFile(channelFileId);
        } catch (TelegramApiException e) {
            throw translated(GET_FILE, e, false);
        } catch (TelegramUnreachableException e) {
            throw new TransientStorageException(GET_FILE, "Telegram unreachable: " + e.getMessage(), e);
        }
        if (file.fileSize() != null && file.fileSize() > maxBytes) {
            throw new PermanentStorageException(GET_FILE,
                    "file is " + file.fileSize() + " bytes, the limit is " + maxBytes);
        }
        String path = file.filePath();
        if (path == null || path.isBlank()) {
            // Telegram gives no path for files above its download limit (20 MB on the cloud server).
            throw new PermanentStorageException(GET_FILE, "Telegram gave no download path for the file");
        }
        byte[] content;
        try {
            content = api.downloadFile(path, maxBytes);
        } catch (TelegramApiException e) {
            throw translated(DOWNLOAD, e, true);
        } catch (TelegramUnreachableException e) {
            throw new TransientStorageException(DOWNLOAD, "Telegram unreachable: " + e.getMessage(), e);
        }
        if (content.length > maxBytes) {
            throw new PermanentStorageException(DOWNLOAD, "file is " + content.length + " bytes, the limit is " + maxBytes);
        }
        return new ChannelFile(nameOf(path), typeOf(path), content);
    }

    private static StorageException translated(String operation, TelegramApiException e, boolean download) {
        boolean stalePath = download && e.errorCode() == 404;
        if (e.isTooManyRequests() || e.isServerError() || e.unreadableBody() || stalePath) {
            return new TransientStorageException(operation, e.getMessage(), e);
        }
        return new PermanentStorageException(operation, e.getMessage(), e);
    }

    /** The last segment of a download path. */
    static String nameOf(String filePath) {
        String name = filePath.substring(filePath.lastIndexOf('/') + 1);
        return name.isBlank() ? "file" : name;
    }

    /** The MIME type for a download path's extension, or {@value #DEFAULT_TYPE}. */
    static String typeOf(String filePath) {
        String name = nameOf(filePath);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return DEFAULT_TYPE;
        }
        return TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT_TYPE);
    }
}
