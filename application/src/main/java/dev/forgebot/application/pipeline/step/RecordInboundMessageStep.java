package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import java.util.Objects;

/**
 * Records the customer's message in the {@link ConversationLog} as INBOUND, under the entry's key.
 * A file or contact card with no text is recorded as a short note ({@code [file: name]},
 * {@code [shared a contact]}) so the conversation reads right in handoff summaries.
 *
 * <p>Idempotent: the log keeps one message per (key, direction), so a re-run stores nothing.
 */
public final class RecordInboundMessageStep implements PipelineStep {

    private final ConversationLog conversations;

    public RecordInboundMessageStep(ConversationLog conversations) {
        this.conversations = Objects.requireNonNull(conversations, "conversations");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        ChatMessage message = Events.chatMessage(context).orElseThrow();
        conversations.record(new Message(MessageId.random(), context.requireLead().id(), Direction.INBOUND,
                textOf(message), message.key(), message.occurredAt()));
        return StepOutcome.CONTINUE;
    }

    static String textOf(ChatMessage message) {
        if (!message.text().isBlank()) {
            return message.text();
        }
        if (message.file().isPresent()) {
            return "[file: " + Events.trimmed(message.file().get().fileName(), 200) + "]";
        }
        if (message.contact().isPresent()) {
            return "[shared a contact]";
        }
        return message.text();
    }
}
