package dev.forgebot.application.service;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadFactExtractor;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadQualification;
import dev.forgebot.domain.lead.LeadScore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a customer to the human operators: opens a ticket (one open ticket per lead), marks the lead
 * handed off (no follow-ups from then on) and posts a lead summary to the operators' chat, keeping
 * the post's reference on the ticket so that an operator's reply to it reaches the customer.
 *
 * <p>Idempotent: the ticket is opened only if the lead has none open, the lead is updated only if
 * it is not handed off yet, and the summary is posted only if the ticket has no post yet. The one
 * duplicate left: a crash between posting and storing the post's reference posts the summary again.
 *
 * <p>Thread-safe. Storage exceptions propagate.
 */
public final class HandoffService {

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);

    /** Messages shown in the summary. */
    static final int SUMMARY_MESSAGES = 6;
    /** Longest excerpt of one message in the summary. */
    static final int EXCERPT_CHARS = 300;

    private final BotSettings settings;
    private final TicketRepository tickets;
    private final ConversationLog conversations;
    private final Messenger messenger;
    private final LeadChanges changes;

    public HandoffService(BotSettings settings, LeadRepository leads, TicketRepository tickets,
            ConversationLog conversations, Messenger messenger, FollowUpPolicy followUps) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.changes = new LeadChanges(leads, followUps);
    }

    /**
     * Hands {@code lead} to the operators.
     *
     * @param reason the customer's words, possibly empty
     * @param now    when
     */
    public Handoff handOff(Lead lead, String reason, Instant now) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(reason, "reason");
        Ticket ticket = tickets.openIfNone(Ticket.open(TicketId.random(), lead.id(), lead.chatId(), reason, now));
        Lead handedOff = lead;
        if (!lead.isHandedOff()) {
            handedOff = changes.apply(lead, Lead::handOff);
            log.info("lead handed off lead={} ticket={}", lead.id().value(), ticket.id().value());
        }
        if (ticket.operatorMessageRef().isPresent()) {
            return new Handoff(handedOff, ticket, new Post.AlreadyPosted());
        }
        SendResult result = messenger.send(OutboundMessage.text(settings.operatorsChat(), summary(handedOff, ticket)));
        return switch (result) {
            case SendResult.Sent sent -> {
                Ticket posted = tickets.update(ticket.postedAs(sent.messageRef()));
                yield new Handoff(handedOff, posted, new Post.Posted(sent.messageRef()));
            }
            case SendResult.RateLimited limited -> new Handoff(handedOff, ticket, new Post.RateLimited(limited.retryAfter()));
            case SendResult.Blocked blocked -> notPosted(handedOff, ticket, "the bot is blocked in the operators' chat");
            case SendResult.ChatGone gone -> notPosted(handedOff, ticket, "the operators' chat is gone");
            case SendResult.Rejected rejected -> notPosted(handedOff, ticket, "rejected: " + rejected.reason());
        };
    }

    private static Handoff notPosted(Lead lead, Ticket ticket, String reason) {
        // Retrying would not help; the next handoff request of this customer tries the post again.
        log.error("handoff summary not posted ticket={} reason={}", ticket.id().value(), reason);
        return new Handoff(lead, ticket, new Post.NotPosted(reason));
    }

    /** The summary operators see. */
    String summary(Lead lead, Ticket ticket) {
        List<Message> recent = conversations.recent(lead.id(), SUMMARY_MESSAGES);
        ContactFacts contact = lead.contact();
        LeadIntent intent = lead.intent();
        int customerMessages = 0;
        for (Message message : recent) {
            if (message.direction() == Direction.INBOUND) {
                customerMessages++;
                contact = contact.merge(LeadFactExtractor.extract(message.text()));
                intent = LeadQualification.intentAfter(intent, message.text());
            }
        }
        LeadScore score = LeadQualification.score(contact, intent, customerMessages);
        StringBuilder text = new StringBuilder();
        text.append("Handoff: ").append(contact.preferredName().orElse("(no name)"))
                .append(" (chat ").append(lead.chatId()).append(")\n");
        List<String> facts = new ArrayList<>();
        contact.name().ifPresent(n -> facts.add("name " + n.value()));
        contact.email().ifPresent(e -> facts.add("email " + e.value()));
        contact.phone().ifPresent(p -> facts.add("phone " + p.normalized()));
        contact.company().ifPresent(c -> facts.add("company " + c.value()));
        text.append("Contact: ").append(facts.isEmpty() ? "none given" : String.join(", ", facts)).append('\n');
        text.append("Intent: ").append(intent).append(", score ").append(score.value()).append("/100\n");
        if (!ticket.reason().isBlank()) {
            text.append("Asked: ").append(excerpt(ticket.reason())).append('\n');
        }
        if (!recent.isEmpty()) {
            text.append("Last messages:\n");
            for (Message message : recent) {
                text.append(message.direction() == Direction.INBOUND ? "  customer: " : "  bot: ")
                        .append(excerpt(message.text())).append('\n');
            }
        }
        text.append("Reply to this message to answer the customer; reply /close to give the conversation back to the bot.");
        return text.toString();
    }

    private static String excerpt(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= EXCERPT_CHARS ? oneLine : oneLine.substring(0, EXCERPT_CHARS) + "…";
    }

    /**
     * What a handoff did.
     *
     * @param lead   the lead, handed off
     * @param ticket its open ticket
     * @param post   what became of the summary post
     */
    public record Handoff(Lead lead, Ticket ticket, Post post) {
        public Handoff {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(post, "post");
        }
    }

    /** What became of the summary post. */
    public sealed interface Post {

        /** Posted now, as {@code messageRef}. */
        record Posted(String messageRef) implements Post {
        }

        /** Posted before (a repeated handoff). */
        record AlreadyPosted() implements Post {
        }

        /** The operators' chat refused it; trying again will not help. */
        record NotPosted(String reason) implements Post {
        }

        /** The channel asked to wait before posting. */
        record RateLimited(Duration retryAfter) implements Post {
        }
    }
}
