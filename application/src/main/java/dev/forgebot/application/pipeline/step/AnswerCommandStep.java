package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.BotCommand;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.OutboundMessage.ReplyKeyboard;
import java.util.Objects;

/**
 * Composes the answer to a customer's command: {@code /start} greets and offers the share-contact
 * button, {@code /help} explains, any other command (operator commands included: they are accepted
 * in the operators' chat only) gets the unknown-command answer.
 *
 * <p>Idempotent: it only composes the reply; sending it once is {@link SendReplyStep}'s job.
 */
public final class AnswerCommandStep implements PipelineStep {

    private final BotTexts texts;

    public AnswerCommandStep(BotTexts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        if (context.route() != Route.COMMAND) {
            return StepOutcome.CONTINUE;
        }
        ChatMessage message = Events.chatMessage(context).orElseThrow();
        String name = BotCommand.parse(message.text()).map(BotCommand::name).orElse("");
        OutboundMessage reply = switch (name) {
            case "start" -> new OutboundMessage(message.chatId(), texts.greeting(), ReplyKeyboard.REQUEST_CONTACT);
            case "help" -> OutboundMessage.text(message.chatId(), texts.help());
            default -> OutboundMessage.text(message.chatId(), texts.unknownCommand());
        };
        context.reply(reply);
        return StepOutcome.CONTINUE;
    }
}
