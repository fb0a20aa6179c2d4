package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.service.LeadChanges;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.util.Objects;

/**
 * Finds the sender's lead, creating it on first contact, and notes that the customer wrote (which
 * ends their silence for follow-ups and refreshes the display name). Puts the lead in the context.
 *
 * <p>Idempotent: creation is keyed on the customer, and a message no newer than the lead's last
 * customer message (this same message on a re-run, or a late redelivery) changes nothing, so nothing
 * is written the second time.
 */
public final class IdentifyLeadStep implements PipelineStep {

    private final LeadRepository leads;
    private final FollowUpPolicy followUps;
    private final LeadChanges changes;

    public IdentifyLeadStep(LeadRepository leads, FollowUpPolicy followUps) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.followUps = Objects.requireNonNull(followUps, "followUps");
        this.changes = new LeadChanges(leads, followUps);
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        ChatMessage message = Events.chatMessage(context).orElseThrow(
                () -> new IllegalStateException("IdentifyLeadStep needs a chat message: " + context.entry().key()));
        Lead candidate = Lead.firstContact(LeadId.random(), message.sender().id(), message.chatId(),
                ContactFacts.displayedAs(displayName(message)), message.occurredAt());
        Lead lead = leads.findOrCreate(candidate, followUps.nextDueAt(candidate));
        String displayName = displayName(message);
        lead = changes.apply(lead, current -> {
            if (!message.occurredAt().isAfter(current.lastCustomerMessageAt())) {
                return current;
            }
            Lead wrote = current.customerWrote(message.occurredAt());
            return displayName.isEmpty() ? wrote : wrote.withDisplayName(displayName);
        });
        context.lead(lead);
        return StepOutcome.CONTINUE;
    }

    private static String displayName(ChatMessage message) {
        String name = message.sender().displayName().strip();
        return name.length() > ContactFacts.MAX_DISPLAY_NAME_LENGTH
                ? name.substring(0, ContactFacts.MAX_DISPLAY_NAME_LENGTH) : name;
    }
}
