package dev.forgebot.application.service;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.pipeline.BotCommand;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.ReloadKnowledge;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.port.out.Statistics;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what operators write in the operators' chat (and only there: the caller checks the
 * chat). A reply to a ticket's summary post goes to that ticket's customer and is recorded as the
 * bot's OUTBOUND message under the operator message's key. Commands: {@code /stats},
 * {@code /reload}, {@code /drafts}, {@code /approve N}, {@code /close} (as a reply to a summary
 * post); anything else starting with a slash gets the operators' help. Other chatter among operators
 * is left alone.
 *
 * <p>Idempotent per operator message: a reply already recorded as delivered is not sent again;
 * {@code /approve} and {@code /close} change nothing the second time; {@code /stats},
 * {@code /drafts} and {@code /reload} only read or rebuild. The answers to commands in the operators'
 * chat are not recorded, so a re-run after a crash may post one twice.
 *
 * <p>Thread-safe. Storage exceptions propagate.
 */
public final class OperatorDesk {

    private static final Logger log = LoggerFactory.getLogger(OperatorDesk.class);

    /** Drafts listed by {@code /drafts}. */
    static final int DRAFTS_LISTED = 10;

    static final String HELP = """
            Operator commands (in this chat only):
            /stats: figures for the last 24 hours
            /drafts: scenario drafts waiting for review
            /approve N: approve draft N; it becomes an article at the next /reload
            /reload: rebuild the knowledge base from the articles and approved drafts
            /close: as a reply to a handoff summary, close the ticket and give the customer back to the bot
            Reply to a handoff summary with text to answer that customer.""";

    private final BotSettings settings;
    private final TicketRepository tickets;
    private final ConversationLog conversations;
    private final Messenger messenger;
    private final Statistics statistics;
    private final ReloadKnowledge knowledge;
    private final ScenarioRepository scenarios;
    private final LeadChanges changes;

    public OperatorDesk(BotSettings settings, LeadRepository leads, TicketRepository tickets,
            ConversationLog conversations, Messenger messenger, Statistics statistics, ReloadKnowledge knowledge,
            ScenarioRepository scenarios, FollowUpPolicy followUps) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.changes = new LeadChanges(leads, followUps);
    }

    /**
     * Handles one message written in the operators' chat.
     *
     * @param now the time the pipeline handles it at
     * @return {@link StepOutcome.Finish} HANDLED, or {@link StepOutcome.RetryLater} when the channel
     *     asked to slow down
     * @throws IllegalArgumentException if the message is not from the operators' chat
     */
    public StepOutcome handle(ChatMessage message, Instant now) {
        if (!message.chatId().equals(settings.operatorsChat())) {
            throw new IllegalArgumentException("not a message from the operators' chat: " + message.chatId());
        }
        Optional<Ticket> ticket = message.replyToMessageRef().flatMap(tickets::findByOperatorMessage);
        Optional<BotCommand> command = BotCommand.parse(message.text());
        if (command.isPresent()) {
            return command(command.get(), ticket, now);
        }
        if (ticket.isPresent()) {
            return replyToCustomer(message, ticket.get(), now);
        }
        log.debug("operator chatter left alone entry={}", message.key());
        return done();
    }

    private StepOutcome command(BotCommand command, Optional<Ticket> ticket, Instant now) {
        log.info("operator command command={}", command.name());
        return switch (command.name()) {
            case "stats" -> tell(stats(now));
            case "reload" -> {
                ReloadKnowledge.KnowledgeReload reload = knowledge.reload();
                yield tell("Knowledge base reloaded: " + reload.articles() + " articles, " + reload.fromDrafts()
                        + " of them from approved drafts.");
            }
            case "drafts" -> tell(drafts());
            case "approve" -> tell(approve(command.arguments(), now));
            case "close" -> tell(close(ticket, now));
            default -> tell(HELP);
        };
    }

    private String stats(Instant now) {
        Statistics.BotStats stats = statistics.since(now.minus(Duration.ofHours(24)));
        return "Last 24 hours: " + stats.newLeads() + " new leads, " + stats.inboundMessages() + " customer messages, "
                + stats.unanswered() + " unanswered questions.\n"
                + "In total: " + stats.leads() + " leads, " + stats.qualifiedLeads() + " with an email or phone, "
                + stats.openTickets() + " open handoffs, " + stats.drafts() + " drafts waiting for review.";
    }

    private String drafts() {
        List<ScenarioDraft> drafts = scenarios.list(ScenarioStatus.DRAFT, DRAFTS_LISTED);
        if (drafts.isEmpty()) {
            return "No scenario drafts are waiting for review.";
        }
        StringBuilder text = new StringBuilder("Scenario drafts, most asked first (approve with /approve N):\n");
        for (ScenarioDraft draft : drafts) {
            text.append(draft.number()).append(". ").append(draft.representative())
                    .append(" (asked ").append(draft.frequency()).append(draft.frequency() == 1 ? " time)" : " times)");
            if (draft.suggestedAnswer().isBlank()) {
                text.append(" [no suggested answer]");
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    private String approve(String argument, Instant now) {
        long number;
        try {
            number = Long.parseLong(argument.strip());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1) {
            return "Usage: /approve N, where N is a draft number from /drafts (for example /approve 3).";
        }
        Optional<ScenarioDraft> approved = scenarios.approve(number, now);
        if (approved.isEmpty()) {
            return "There is no draft number " + number + ". /drafts lists the drafts waiting for review.";
        }
        ScenarioDraft draft = approved.get();
        if (draft.suggestedAnswer().isBlank()) {
            return "Draft " + number + " is approved, but it has no suggested answer, so it will not become an article. "
                    + "Add the answer to the knowledge base instead.";
        }
        return "Draft " + number + " is approved: \"" + draft.representative()
                + "\" becomes a knowledge-base article at the next /reload.";
    }

    private String close(Optional<Ticket> replied, Instant now) {
        if (replied.isEmpty()) {
            return "To close a ticket, reply /close to its handoff summary.";
        }
        Ticket ticket = replied.get();
        if (ticket.isOpen()) {
            tickets.update(ticket.close(now.isBefore(ticket.openedAt()) ? ticket.openedAt() : now));
        }
        Optional<Lead> lead = changes.apply(ticket.leadId(), Lead::returnToBot);
        String name = lead.flatMap(l -> l.contact().preferredName()).orElse("the customer");
        return "Ticket closed; the bot answers " + name + " again.";
    }

    private StepOutcome replyToCustomer(ChatMessage message, Ticket ticket, Instant now) {
        if (message.text().isBlank()) {
            return tell("Only text replies reach the customer; files and stickers are not passed on.");
        }
        if (conversations.find(message.key(), Direction.OUTBOUND).isPresent()) {
            log.debug("operator reply delivered before entry={}", message.key());
            return done();
        }
        SendResult result = messenger.send(OutboundMessage.text(ticket.chatId(), message.text()));
        return switch (result) {
            case SendResult.Sent sent -> {
                String text = message.text().length() > Message.MAX_TEXT_LENGTH
                        ? message.text().substring(0, Message.MAX_TEXT_LENGTH) : message.text();
                conversations.record(new Message(MessageId.random(), ticket.leadId(), Direction.OUTBOUND, text,
                        message.key(), now));
                log.info("operator reply delivered ticket={}", ticket.id().value());
                yield done();
            }
            case SendResult.Blocked blocked -> {
                changes.apply(ticket.leadId(), Lead::block);
                yield tell("Not delivered: the customer has blocked the bot.");
            }
            case SendResult.ChatGone gone -> tell("Not delivered: the customer's chat no longer exists.");
            case SendResult.RateLimited limited -> new StepOutcome.RetryLater(limited.retryAfter(),
                    "rate limited sending an operator reply");
            case SendResult.Rejected rejected -> tell("Not delivered, the channel refused it: " + rejected.reason());
        };
    }

    /** Posts {@code text} to the operators' chat. */
    private StepOutcome tell(String text) {
        SendResult result = messenger.send(OutboundMessage.text(settings.operatorsChat(), text));
        return switch (result) {
            case SendResult.Sent sent -> done();
            case SendResult.RateLimited limited -> new StepOutcome.RetryLater(limited.retryAfter(),
                    "rate limited answering operators");
            case SendResult.Blocked blocked -> notTold("blocked");
            case SendResult.ChatGone gone -> notTold("chat gone");
            case SendResult.Rejected rejected -> notTold("rejected: " + rejected.reason());
        };
    }

    private static StepOutcome notTold(String why) {
        log.error("answer to operators not delivered reason={}", why);
        return done();
    }

    private static StepOutcome done() {
        return new StepOutcome.Finish(InboxState.HANDLED);
    }
}
