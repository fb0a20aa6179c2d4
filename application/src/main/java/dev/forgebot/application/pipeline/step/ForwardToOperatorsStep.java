package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.domain.lead.Lead;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a handed-off customer's message on to the operators' chat, tagged with the customer's
 * name and chat; the bot does not answer it (the operators do).
 *
 * <p>Idempotence: at least once. Nothing records that a message was forwarded, so a crash between
 * the forward and the entry being marked handled forwards it once more; the duplicate lands in the
 * operators' chat, never the customer's. When the channel asks to slow down, nothing was sent and the
 * entry is retried later.
 */
public final class ForwardToOperatorsStep implements PipelineStep {

    private static final Logger log = LoggerFactory.getLogger(ForwardToOperatorsStep.class);

    private final BotSettings settings;
    private final Messenger messenger;

    public ForwardToOperatorsStep(BotSettings settings, Messenger messenger) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        if (context.route() != Route.TO_OPERATORS) {
            return StepOutcome.CONTINUE;
        }
        ChatMessage message = Events.chatMessage(context).orElseThrow();
        Lead lead = context.requireLead();
        String text = "From " + lead.contact().preferredName().orElse("a customer") + " (chat " + lead.chatId()
                + "), reply to their handoff summary to answer:\n" + message.text();
        SendResult result = messenger.send(OutboundMessage.text(settings.operatorsChat(), text));
        return switch (result) {
            case SendResult.Sent sent -> StepOutcome.CONTINUE;
            case SendResult.RateLimited limited -> new StepOutcome.RetryLater(limited.retryAfter(),
                    "rate limited forwarding to operators");
            case SendResult.Blocked blocked -> notForwarded(context, "blocked");
            case SendResult.ChatGone gone -> notForwarded(context, "chat gone");
            case SendResult.Rejected rejected -> notForwarded(context, "rejected: " + rejected.reason());
        };
    }

    private static StepOutcome notForwarded(PipelineContext context, String why) {
        log.error("customer message not forwarded to operators entry={} reason={}", context.entry().key(), why);
        return StepOutcome.CONTINUE;
    }
}
