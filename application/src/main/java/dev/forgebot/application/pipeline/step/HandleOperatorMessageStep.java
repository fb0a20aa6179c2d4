package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.service.OperatorDesk;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes messages written in the operators' chat out of the customer flow and gives them to the
 * {@link OperatorDesk} (replies to customers, operator commands). This is the only way to the
 * operator commands: the same commands from any other chat are customer commands, and unknown ones.
 *
 * <p>Idempotent as the {@link OperatorDesk} is: a reply recorded as delivered is not sent again.
 */
public final class HandleOperatorMessageStep implements PipelineStep {

    private final BotSettings settings;
    private final OperatorDesk desk;

    public HandleOperatorMessageStep(BotSettings settings, OperatorDesk desk) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.desk = Objects.requireNonNull(desk, "desk");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        Optional<ChatMessage> message = Events.chatMessage(context)
                .filter(m -> m.chatId().equals(settings.operatorsChat()));
        if (message.isEmpty()) {
            return StepOutcome.CONTINUE;
        }
        context.route(PipelineContext.Route.OPERATOR);
        return desk.handle(message.get(), context.now());
    }
}
