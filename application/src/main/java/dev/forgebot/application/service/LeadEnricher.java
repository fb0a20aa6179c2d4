package dev.forgebot.application.service;

import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.ExtractedFacts;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadFactExtractor;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadQualification;
import dev.forgebot.domain.lead.LeadScore;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches a lead from one of its messages: contact facts ({@link LeadFactExtractor}), intent and
 * score ({@link LeadQualification}), merged into the lead as stored now (re-read, not the copy the
 * pipeline held) and written back only when something changed. Running it twice for the same message
 * gives the same lead, so a repeated enrichment is harmless.
 *
 * <p>Runs in the background, after the reply. The read-merge-write is not atomic: a lead change
 * made by another message of the same customer between the read and the write is overwritten (the
 * ports have no conditional update for leads); the window is one round trip. Thread-safe; storage
 * exceptions propagate to the background executor, which logs them.
 */
public final class LeadEnricher {

    private static final Logger log = LoggerFactory.getLogger(LeadEnricher.class);

    /** Recent messages read to count the customer's messages for the score. */
    static final int RECENT_MESSAGES = 10;

    private final ConversationLog conversations;
    private final LeadChanges changes;

    public LeadEnricher(LeadRepository leads, ConversationLog conversations, FollowUpPolicy followUps) {
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.changes = new LeadChanges(leads, followUps);
    }

    /**
     * Merges what {@code text} tells about lead {@code leadId} into it.
     *
     * @return the lead as stored afterwards, or empty when there is no such lead
     */
    public Optional<Lead> enrich(LeadId leadId, String text) {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(text, "text");
        ExtractedFacts facts = LeadFactExtractor.extract(text);
        int customerMessages = (int) conversations.recent(leadId, RECENT_MESSAGES).stream()
                .filter(m -> m.direction() == Direction.INBOUND)
                .count();
        Optional<Lead> enriched = changes.apply(leadId, lead -> {
            LeadIntent intent = LeadQualification.intentAfter(lead.intent(), text);
            LeadScore score = LeadQualification.score(lead.contact().merge(facts), intent, customerMessages);
            return lead.enrich(facts, intent, score);
        });
        if (enriched.isEmpty()) {
            log.warn("lead to enrich not found lead={}", leadId.value());
        } else {
            log.debug("lead enriched lead={} facts={} intent={} score={}", leadId.value(), enriched.get().contact(),
                    enriched.get().intent(), enriched.get().score().value());
        }
        return enriched;
    }
}
