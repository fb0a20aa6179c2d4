package dev.forgebot.application.port.out;

import java.util.Objects;

/**
 * Fetches a file a customer sent, from the channel that still holds it.
 *
 * <p>Failures are {@link TransientStorageException} (the channel may serve it later) or
 * {@link PermanentStorageException} (gone, too large). Thread-safe.
 */
public interface ChannelFiles {

    /**
     * Downloads a file.
     *
     * @param channelFileId the channel's id of the file
     * @param maxBytes      refuse files larger than this
     */
    ChannelFile fetch(String channelFileId, long maxBytes);

    /**
     * A downloaded file.
     *
     * @param fileName    its name
     * @param contentType its MIME type
     * @param content     its bytes
     */
    record ChannelFile(String fileName, String contentType, byte[] content) {
        public ChannelFile {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String toString() {
            return "ChannelFile[" + contentType + ", " + content.length + " bytes]";
        }
    }
}
