package dev.forgebot.application.pipeline;

import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.domain.lead.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one inbox entry on its way through the {@link MessagePipeline}. Created per entry
 * and used by one thread at a time (the chat's dispatcher task): not thread-safe, and need not be.
 */
public final class PipelineContext {

    private final InboxEntry entry;
    private final Instant startedAt;
    private Lead lead;
    private Route route = Route.UNROUTED;
    private OutboundMessage reply;
    private String sentMessageRef;
    private final List<Deferred> deferred = new ArrayList<>();

    public PipelineContext(InboxEntry entry, Instant startedAt) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The entry being handled. */
    public InboxEntry entry() {
        return entry;
    }

    /** Its event. */
    public InboundEvent event() {
        return entry.event();
    }

    /** When handling started; steps use it as "now" so one entry sees one time. */
    public Instant now() {
        return startedAt;
    }

    /** The customer's lead, once identified. */
    public Optional<Lead> lead() {
        return Optional.ofNullable(lead);
    }

    /**
     * The customer's lead.
     *
     * @throws IllegalStateException if no step identified it yet (a step ordering bug)
     */
    public Lead requireLead() {
        if (lead == null) {
            throw new IllegalStateException("no lead identified for " + entry.key());
        }
        return lead;
    }

    public void lead(Lead identified) {
        this.lead = Objects.requireNonNull(identified, "identified");
    }

    /** Where the message is going. */
    public Route route() {
        return route;
    }

    public void route(Route next) {
        this.route = Objects.requireNonNull(next, "next");
    }

    /** The reply to send, once a step has composed it. */
    public Optional<OutboundMessage> reply() {
        return Optional.ofNullable(reply);
    }

    public void reply(OutboundMessage composed) {
        this.reply = Objects.requireNonNull(composed, "composed");
    }

    /** The channel's reference of the reply, once sent (or found sent before). */
    public Optional<String> sentMessageRef() {
        return Optional.ofNullable(sentMessageRef);
    }

    public void sentMessageRef(String ref) {
        this.sentMessageRef = Objects.requireNonNull(ref, "ref");
    }

    /** Schedules background work to start once the entry is handled (after the reply went out). */
    public void defer(String name, BackgroundTasks.Task task) {
        deferred.add(new Deferred(name, task));
    }

    /** Background work scheduled so far. */
    public List<Deferred> deferred() {
        return List.copyOf(deferred);
    }

    /**
     * Background work to start after the entry is handled.
     *
     * @param name the task's name
     * @param task the work
     */
    public record Deferred(String name, BackgroundTasks.Task task) {
        public Deferred {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(task, "task");
        }
    }

    /** Where a customer's message goes. */
    public enum Route {
        /** Not decided yet. */
        UNROUTED,
        /** A message in the operators' chat: a command or a reply to a customer. */
        OPERATOR,
        /** A bot command such as /start or /help. */
        COMMAND,
        /** The customer asks for a human. */
        HANDOFF,
        /** Operators have the conversation: pass the message on to them. */
        TO_OPERATORS,
        /** The customer shared a contact card. */
        CONTACT,
        /** The customer sent a file. */
        FILE,
        /** A question for the knowledge base. */
        QUESTION
    }
}
