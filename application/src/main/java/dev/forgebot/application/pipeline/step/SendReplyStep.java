package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.service.LeadChanges;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.lead.Lead;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the composed reply, if any, and acts on the channel's answer: a customer who blocked the
 * bot is marked blocked and the entry is done; a chat that is gone ends the entry; a rate limit
 * retries the entry after the wait the channel asked for; a refusal gives the entry up.
 *
 * <p>Idempotent: when the {@link ConversationLog} already holds the OUTBOUND message of this entry,
 * the reply went out on an earlier run and is not sent again. The one duplicate left is the one
 * design.md accepts: a crash after the send and before the record re-sends the reply once.
 */
public final class SendReplyStep implements PipelineStep {

    private static final Logger log = LoggerFactory.getLogger(SendReplyStep.class);

    private final Messenger messenger;
    private final ConversationLog conversations;
    private final LeadChanges changes;

    public SendReplyStep(Messenger messenger, ConversationLog conversations, LeadRepository leads,
            FollowUpPolicy followUps) {
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.changes = new LeadChanges(leads, followUps);
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        Optional<OutboundMessage> reply = context.reply();
        if (reply.isEmpty()) {
            return StepOutcome.CONTINUE;
        }
        if (conversations.find(context.entry().key(), Direction.OUTBOUND).isPresent()) {
            log.debug("reply sent on an earlier run, not sent again entry={}", context.entry().key());
            return StepOutcome.CONTINUE;
        }
        SendResult result = messenger.send(reply.get());
        return switch (result) {
            case SendResult.Sent sent -> {
                context.sentMessageRef(sent.messageRef());
                yield StepOutcome.CONTINUE;
            }
            case SendResult.Blocked blocked -> {
                Lead lead = changes.apply(context.requireLead(), Lead::block);
                context.lead(lead);
                log.info("customer blocked the bot entry={} lead={}", context.entry().key(), lead.id().value());
                yield new StepOutcome.Finish(InboxState.HANDLED);
            }
            case SendResult.ChatGone gone -> {
                log.info("customer chat is gone, reply dropped entry={} chat={}", context.entry().key(),
                        reply.get().chatId());
                yield new StepOutcome.Finish(InboxState.HANDLED);
            }
            case SendResult.RateLimited limited -> new StepOutcome.RetryLater(limited.retryAfter(),
                    "rate limited sending the reply");
            case SendResult.Rejected rejected -> new StepOutcome.GiveUp("reply rejected: " + rejected.reason());
        };
    }
}
