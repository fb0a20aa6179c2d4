package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.service.LeadEnricher;
import dev.forgebot.domain.lead.LeadId;
import java.util.Objects;

/**
 * Schedules lead enrichment ({@link LeadEnricher}: contact facts, intent, score) from the customer's
 * text as background work, started once the entry is handled, so it never delays the reply.
 * Commands and messages without text are not enriched.
 *
 * <p>Idempotent: enrichment merges what the text says into the lead as stored, so running it again
 * for the same message leaves the lead as it was.
 */
public final class EnrichLeadStep implements PipelineStep {

    /** The background task's name. */
    public static final String TASK_NAME = "enrich-lead";

    private final LeadEnricher enricher;

    public EnrichLeadStep(LeadEnricher enricher) {
        this.enricher = Objects.requireNonNull(enricher, "enricher");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        if (context.route() == Route.COMMAND) {
            return StepOutcome.CONTINUE;
        }
        ChatMessage message = Events.chatMessage(context).orElseThrow();
        if (message.text().isBlank()) {
            return StepOutcome.CONTINUE;
        }
        LeadId leadId = context.requireLead().id();
        String text = message.text();
        context.defer(TASK_NAME, () -> enricher.enrich(leadId, text));
        return StepOutcome.CONTINUE;
    }
}
