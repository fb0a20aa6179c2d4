package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.service.HandoffService;
import dev.forgebot.application.service.HandoffService.Handoff;
import java.util.Objects;

/**
 * Hands the customer to the operators through the {@link HandoffService} (ticket, handed-off lead,
 * summary in the operators' chat) and tells the customer a person will reply. When the operators'
 * chat asks to slow down, the entry is retried later.
 *
 * <p>Idempotent as the service is: an open ticket, a handed-off lead and a posted summary are found
 * and kept, not made again.
 */
public final class HandOffStep implements PipelineStep {

    private final HandoffService handoffs;
    private final BotTexts texts;

    public HandOffStep(HandoffService handoffs, BotTexts texts) {
        this.handoffs = Objects.requireNonNull(handoffs, "handoffs");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        if (context.route() != Route.HANDOFF) {
            return StepOutcome.CONTINUE;
        }
        ChatMessage message = Events.chatMessage(context).orElseThrow();
        Handoff handoff = handoffs.handOff(context.requireLead(), message.text(), context.now());
        context.lead(handoff.lead());
        return switch (handoff.post()) {
            case HandoffService.Post.RateLimited limited -> new StepOutcome.RetryLater(limited.retryAfter(),
                    "rate limited posting a handoff summary");
            case HandoffService.Post.Posted posted -> reply(context, message);
            case HandoffService.Post.AlreadyPosted posted -> reply(context, message);
            case HandoffService.Post.NotPosted notPosted -> reply(context, message);
        };
    }

    private StepOutcome reply(PipelineContext context, ChatMessage message) {
        context.reply(OutboundMessage.text(message.chatId(), texts.handoff()));
        return StepOutcome.CONTINUE;
    }
}
