package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import java.util.Objects;
import java.util.Optional;

/**
 * Records the reply that went out as the lead's OUTBOUND message, under the entry's inbound key:
 * the record by which {@link SendReplyStep} knows, on a re-run, not to send it again.
 *
 * <p>Idempotent: the log keeps one message per (key, direction).
 */
public final class RecordOutboundMessageStep implements PipelineStep {

    private final ConversationLog conversations;

    public RecordOutboundMessageStep(ConversationLog conversations) {
        this.conversations = Objects.requireNonNull(conversations, "conversations");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        Optional<OutboundMessage> reply = context.reply();
        if (reply.isEmpty()) {
            return StepOutcome.CONTINUE;
        }
        String text = reply.get().text();
        if (text.length() > Message.MAX_TEXT_LENGTH) {
            text = text.substring(0, Message.MAX_TEXT_LENGTH);
        }
        conversations.record(new Message(MessageId.random(), context.requireLead().id(), Direction.OUTBOUND, text,
                context.entry().key(), context.now()));
        return StepOutcome.CONTINUE;
    }
}
