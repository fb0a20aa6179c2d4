package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import java.util.Optional;

/** Small helpers the steps share. */
final class Events {

    private Events() {
    }

    /** The entry's chat message, if it is one. */
    static Optional<ChatMessage> chatMessage(PipelineContext context) {
        return context.event() instanceof ChatMessage message ? Optional.of(message) : Optional.empty();
    }

    /** {@code text} cut to at most {@code max} characters, at a word boundary when there is one near the end. */
    static String trimmed(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int cut = stripped.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return stripped.substring(0, cut).stripTrailing() + "…";
    }
}
