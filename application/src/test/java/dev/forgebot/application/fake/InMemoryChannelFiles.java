package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.PermanentStorageException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ChannelFiles} in memory: files are registered by channel id; an unknown id or a file above
 * the caller's limit is a {@link PermanentStorageException}. Thread-safe.
 */
public final class InMemoryChannelFiles implements ChannelFiles {

    private final Map<String, ChannelFile> files = new ConcurrentHashMap<>();

    /** Makes {@code file} available under {@code channelFileId}. */
    public InMemoryChannelFiles register(String channelFileId, ChannelFile file) {
        files.put(channelFileId, new ChannelFile(file.fileName(), file.contentType(), file.content().clone()));
        return this;
    }

    @Override
    public ChannelFile fetch(String channelFileId, long maxBytes) {
        ChannelFile file = files.get(channelFileId);
        if (file == null) {
            throw new PermanentStorageException("channel.fetchFile", "no such file");
        }
        if (file.content().length > maxBytes) {
            throw new PermanentStorageException("channel.fetchFile",
                    "file is " + file.content().length + " bytes, the limit is " + maxBytes);
        }
        return new ChannelFile(file.fileName(), file.contentType(), file.content().clone());
    }
}
