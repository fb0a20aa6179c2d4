package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.ChangeReachability;
import dev.forgebot.application.port.in.ChangeReachability.ReachabilityCommand;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.InboxState;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the pipeline for events that are not chat messages: an unsupported event is skipped (logged
 * at DEBUG); a customer blocking or unblocking the bot is passed to {@link ChangeReachability}.
 * Chat messages go on.
 *
 * <p>Idempotent: skipping records nothing, and applying the same reachability change twice leaves
 * the lead as the first application did.
 */
public final class SkipUnsupportedEventStep implements PipelineStep {

    private static final Logger log = LoggerFactory.getLogger(SkipUnsupportedEventStep.class);

    private final ChangeReachability reachability;

    public SkipUnsupportedEventStep(ChangeReachability reachability) {
        this.reachability = Objects.requireNonNull(reachability, "reachability");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        return switch (context.event()) {
            case InboundEvent.Unsupported unsupported -> {
                log.debug("unsupported event skipped entry={} kind={}", unsupported.key(), unsupported.kind());
                yield new StepOutcome.Finish(InboxState.SKIPPED);
            }
            case InboundEvent.ReachabilityChanged changed -> {
                reachability.change(new ReachabilityCommand(changed.customer(), changed.blocked(), changed.occurredAt()));
                yield new StepOutcome.Finish(InboxState.HANDLED);
            }
            case InboundEvent.ChatMessage message -> StepOutcome.CONTINUE;
        };
    }
}
