package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.SharedContact;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.service.LeadChanges;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.lead.ExtractedFacts;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadQualification;
import dev.forgebot.domain.lead.LeadScore;
import dev.forgebot.domain.lead.PhoneNumber;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the phone number of a shared contact card on the lead, but only when the card is the
 * sender's own ({@link SharedContact#owner()} is the sender): anyone can attach someone else's card.
 * Thanks the customer (and removes the share button), or asks for their own card.
 *
 * <p>Idempotent: the lead is written only when the number changes it, so a re-run writes nothing.
 */
public final class SaveSharedContactStep implements PipelineStep {

    private static final Logger log = LoggerFactory.getLogger(SaveSharedContactStep.class);

    private final LeadChanges changes;
    private final BotTexts texts;

    public SaveSharedContactStep(LeadRepository leads, FollowUpPolicy followUps, BotTexts texts) {
        this.changes = new LeadChanges(leads, followUps);
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        if (context.route() != Route.CONTACT) {
            return StepOutcome.CONTINUE;
        }
        ChatMessage message = Events.chatMessage(context).orElseThrow();
        SharedContact contact = message.contact().orElseThrow();
        Optional<PhoneNumber> phone = phoneOf(contact.phoneNumber());
        if (!contact.owner().equals(Optional.of(message.sender().id())) || phone.isEmpty()) {
            log.info("shared contact not taken entry={} own={} valid={}", message.key(),
                    contact.owner().equals(Optional.of(message.sender().id())), phone.isPresent());
            context.reply(OutboundMessage.text(message.chatId(), texts.contactNotOwn()));
            return StepOutcome.CONTINUE;
        }
        ExtractedFacts facts = new ExtractedFacts(Optional.empty(), Optional.empty(), phone, Optional.empty());
        Lead withPhone = changes.apply(context.requireLead(), lead -> {
            // The score can only rise with a phone; the message count is the enricher's to add.
            LeadScore rescored = LeadQualification.score(lead.contact().merge(facts), lead.intent(), 0);
            return lead.enrich(facts, LeadIntent.UNKNOWN, rescored.compareTo(lead.score()) > 0 ? rescored : lead.score());
        });
        context.lead(withPhone);
        context.reply(OutboundMessage.text(message.chatId(), texts.contactThanks()));
        return StepOutcome.CONTINUE;
    }

    /**
     * The number on a card: Telegram gives the account's number in international form, with or
     * without the {@code +}; a number starting with 0 is taken as local.
     */
    static Optional<PhoneNumber> phoneOf(String shared) {
        String digits = shared.replaceAll("[^0-9]", "");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0") && !shared.strip().startsWith("+")) {
            return parsed(digits, false);
        }
        return parsed(digits, true);
    }

    private static Optional<PhoneNumber> parsed(String digits, boolean international) {
        try {
            return Optional.of(new PhoneNumber(digits, international));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
