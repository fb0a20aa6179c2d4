package dev.forgebot.application.service;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.port.in.RunFollowUps;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.port.out.StorageException;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.followup.FollowUpDecision;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.lead.Lead;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the follow-ups that are due. Each one is claimed first with a conditional update on the
 * lead's follow-up count carrying a fresh claim token, so when several instances run the same pass
 * exactly one sends it. A claimed follow-up that cannot be delivered is not tried again (at most
 * once: a nudge, not a message the customer is owed). A lead found due whose state says otherwise
 * (handed off meanwhile, blocked) has its next follow-up time cleared.
 *
 * <p>Thread-safe. A storage failure on one lead is logged and the pass goes on with the next; the
 * supervised loop calls again later.
 */
public final class FollowUpService implements RunFollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUpService.class);

    /** Source of the inbound keys under which follow-ups are recorded in the conversation log. */
    static final String KEY_SOURCE = "followup";

    private final LeadRepository leads;
    private final ConversationLog conversations;
    private final Messenger messenger;
    private final FollowUpPolicy policy;
    private final LeadChanges changes;
    private final BotTexts texts;
    private final Clock clock;
    private final int batchSize;
    private final Supplier<String> claimTokens;

    public FollowUpService(LeadRepository leads, ConversationLog conversations, Messenger messenger, FollowUpPolicy policy,
            BotTexts texts, Clock clock, int batchSize) {
        this(leads, conversations, messenger, policy, texts, clock, batchSize, () -> UUID.randomUUID().toString());
    }

    FollowUpService(LeadRepository leads, ConversationLog conversations, Messenger messenger, FollowUpPolicy policy,
            BotTexts texts, Clock clock, int batchSize, Supplier<String> claimTokens) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.changes = new LeadChanges(leads, policy);
        this.texts = Objects.requireNonNull(texts, "texts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.claimTokens = Objects.requireNonNull(claimTokens, "claimTokens");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public FollowUpRun runOnce() {
        Instant now = clock.instant();
        var due = leads.dueForFollowUp(now, batchSize);
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        for (Lead lead : due) {
            try {
                switch (followUp(lead, now)) {
                    case SENT -> sent++;
                    case SKIPPED -> skipped++;
                    case FAILED -> failed++;
                }
            } catch (StorageException e) {
                failed++;
                log.warn("follow-up failed lead={} error={}", lead.id().value(), e.getMessage());
            }
        }
        if (!due.isEmpty()) {
            log.info("follow-up pass due={} sent={} skipped={} failed={}", due.size(), sent, skipped, failed);
        }
        return new FollowUpRun(due.size(), sent, skipped, failed);
    }

    private Outcome followUp(Lead lead, Instant now) {
        return switch (policy.decide(lead, now)) {
            case FollowUpDecision.Due due -> claimAndSend(lead, due.step(), now);
            case FollowUpDecision.NotYet notYet -> reschedule(lead);
            case FollowUpDecision.Never never -> {
                log.debug("lead not followed up lead={} reason={}", lead.id().value(), never.reason());
                yield reschedule(lead);
            }
        };
    }

    private Outcome claimAndSend(Lead lead, int step, Instant now) {
        Lead after = lead.followUpSent(now);
        if (!leads.claimFollowUp(lead.id(), step, now, policy.nextDueAt(after), claimTokens.get())) {
            log.debug("follow-up claimed elsewhere lead={} step={}", lead.id().value(), step);
            return Outcome.SKIPPED;
        }
        String text = texts.followUpFor(lead.contact().preferredName().orElse("there"));
        SendResult result = messenger.send(OutboundMessage.text(lead.chatId(), text));
        return switch (result) {
            case SendResult.Sent s -> {
                conversations.record(new Message(MessageId.random(), lead.id(), Direction.OUTBOUND, text,
                        keyOf(lead, step), now));
                yield Outcome.SENT;
            }
            case SendResult.Blocked b -> {
                changes.apply(lead.id(), Lead::block);
                log.info("follow-up not delivered, customer blocked the bot lead={}", lead.id().value());
                yield Outcome.FAILED;
            }
            case SendResult.ChatGone g -> {
                log.info("follow-up not delivered, chat is gone lead={}", lead.id().value());
                yield Outcome.FAILED;
            }
            case SendResult.RateLimited r -> {
                log.warn("follow-up dropped, rate limited lead={} retryAfter={}", lead.id().value(), r.retryAfter());
                yield Outcome.FAILED;
            }
            case SendResult.Rejected r -> {
                log.warn("follow-up rejected lead={} reason={}", lead.id().value(), r.reason());
                yield Outcome.FAILED;
            }
        };
    }

    /**
     * Stores the next follow-up time the lead's state implies. When the lead changed meanwhile, its
     * newer write stored the right time already, so a conflict needs nothing more.
     */
    private Outcome reschedule(Lead lead) {
        leads.update(lead, policy.nextDueAt(lead));
        return Outcome.SKIPPED;
    }

    /** One key per lead, silence and step: a follow-up is recorded once. */
    static InboundKey keyOf(Lead lead, int step) {
        return new InboundKey(KEY_SOURCE,
                lead.id().value() + ":" + lead.lastCustomerMessageAt().getEpochSecond() + ":" + step);
    }

    private enum Outcome {
        SENT,
        SKIPPED,
        FAILED
    }
}
