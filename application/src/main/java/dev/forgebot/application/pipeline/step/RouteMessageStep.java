package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.pipeline.BotCommand;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides where a customer's message goes, first match wins:
 * <ol>
 *   <li>{@code HANDOFF}: {@code /human}, or the customer asks for a person in words ("can I talk to a
 *       human", "real person please", "speak to sales");</li>
 *   <li>{@code COMMAND}: any other {@code /command}, including operator commands sent from a
 *       customer's chat (they get the unknown-command answer);</li>
 *   <li>{@code CONTACT}: a shared contact card; {@code FILE}: an attached file;</li>
 *   <li>{@code TO_OPERATORS}: the lead is handed off, so operators answer the text;</li>
 *   <li>{@code QUESTION}: anything else.</li>
 * </ol>
 * A handoff request is recognised before the lead's handed-off state is looked at, so a re-run of an
 * entry whose first run already handed the lead off takes the same route again.
 *
 * <p>Idempotent: it writes nothing.
 */
public final class RouteMessageStep implements PipelineStep {

    private static final String PEOPLE =
            "(?:human|humans|person|people|agent|operator|someone|somebody|representative|rep|staff|manager"
                    + "|sales|salesperson|support team|customer service|team member)";
    private static final List<Pattern> ASKS_FOR_HUMAN = List.of(
            Pattern.compile("\\b(?:talk|speak|chat|connect me|put me through|get me)\\s+(?:to|with)\\s+"
                    + "(?:(?:a|an|the|your|some|one of your|a real|a live|an actual|real)\\s+)?" + PEOPLE + "\\b"),
            Pattern.compile("\\b(?:real|live|actual)\\s+(?:human|person|people|agent)\\b"),
            Pattern.compile("\\bhuman\\s+(?:agent|being|operator|support|please)\\b"),
            Pattern.compile("\\b(?:want|need|like|get)\\s+(?:to\\s+(?:talk|speak)\\s+to\\s+)?(?:a|an)\\s+"
                    + "(?:human|operator|agent|real person)\\b"),
            Pattern.compile("^\\W*(?:a\\s+)?(?:human|operator|agent|person)(?:\\s+please)?\\W*$"));

    @Override
    public StepOutcome apply(PipelineContext context) {
        ChatMessage message = Events.chatMessage(context).orElseThrow();
        context.route(routeOf(message, context.requireLead().isHandedOff()));
        return StepOutcome.CONTINUE;
    }

    static Route routeOf(ChatMessage message, boolean handedOff) {
        Optional<BotCommand> command = BotCommand.parse(message.text());
        if (command.isPresent()) {
            return command.get().name().equals("human") ? Route.HANDOFF : Route.COMMAND;
        }
        if (asksForHuman(message.text())) {
            return Route.HANDOFF;
        }
        if (message.contact().isPresent()) {
            return Route.CONTACT;
        }
        if (message.file().isPresent()) {
            return Route.FILE;
        }
        return handedOff ? Route.TO_OPERATORS : Route.QUESTION;
    }

    /** Whether {@code text} asks for a person rather than the bot. */
    static boolean asksForHuman(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip();
        return ASKS_FOR_HUMAN.stream().anyMatch(p -> p.matcher(lower).find());
    }
}
