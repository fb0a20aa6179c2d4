package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.FileRef;
import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.ChannelFiles.ChannelFile;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.Lead;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a file the customer sent from the channel and uploads it to the {@link FileStore} against
 * the lead. A file over the limit (the smaller of {@link BotSettings#maxFileBytes()} and
 * {@link FileStore#maxFileBytes()}), or one the channel will not hand over for good (too large,
 * gone: a {@link PermanentStorageException} from {@link ChannelFiles}), is declined with a polite
 * reply; the entry is handled, not given up. A permanent failure of the upload itself propagates
 * (the store is refusing, not the file).
 *
 * <p>Idempotent: the storage key is derived from the entry's inbound key, and an upload to an
 * existing key replaces the object, so a re-run stores the same file under the same key, not a
 * second copy.
 */
public final class StoreFileStep implements PipelineStep {

    private static final Logger log = LoggerFactory.getLogger(StoreFileStep.class);

    private final BotSettings settings;
    private final ChannelFiles channelFiles;
    private final FileStore fileStore;
    private final BotTexts texts;

    public StoreFileStep(BotSettings settings, ChannelFiles channelFiles, FileStore fileStore, BotTexts texts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.channelFiles = Objects.requireNonNull(channelFiles, "channelFiles");
        this.fileStore = Objects.requireNonNull(fileStore, "fileStore");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        if (context.route() != Route.FILE) {
            return StepOutcome.CONTINUE;
        }
        ChatMessage message = Events.chatMessage(context).orElseThrow();
        FileRef ref = message.file().orElseThrow();
        Lead lead = context.requireLead();
        long limit = Math.min(settings.maxFileBytes(), fileStore.maxFileBytes());
        if (ref.sizeBytes() > limit) {
            return rejected(context, message, "announced size " + ref.sizeBytes() + " over limit " + limit);
        }
        ChannelFile file;
        try {
            file = channelFiles.fetch(ref.channelFileId(), limit);
        } catch (PermanentStorageException e) {
            return rejected(context, message, "channel refused the file: " + e.getMessage());
        }
        if (file.content().length > limit) {
            return rejected(context, message, "size " + file.content().length + " over limit " + limit);
        }
        FileStore.StoredFile stored = fileStore.upload(lead.id(), storageKey(lead, message.key(), ref.fileName()),
                file.fileName(), file.contentType(), file.content());
        log.info("customer file stored entry={} lead={} bytes={}", message.key(), lead.id().value(), stored.sizeBytes());
        context.reply(OutboundMessage.text(message.chatId(), texts.fileReceived()));
        return StepOutcome.CONTINUE;
    }

    private StepOutcome rejected(PipelineContext context, ChatMessage message, String why) {
        log.info("customer file declined entry={} reason={}", message.key(), why);
        context.reply(OutboundMessage.text(message.chatId(), texts.fileRejected()));
        return StepOutcome.CONTINUE;
    }

    /** Where the file is kept: per lead, named by the inbound key, ending in a safe form of its name. */
    static String storageKey(Lead lead, InboundKey key, String fileName) {
        String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safeName.length() > 100) {
            safeName = safeName.substring(safeName.length() - 100);
        }
        String safeId = key.externalId().replaceAll("[^A-Za-z0-9._-]", "_");
        return "leads/" + lead.id().value() + "/" + key.source() + "-" + safeId + (safeName.isEmpty() ? "" : "-" + safeName);
    }
}
