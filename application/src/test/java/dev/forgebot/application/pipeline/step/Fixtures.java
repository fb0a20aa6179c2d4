package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.Optional;

/** Messages, entries, contexts and leads for step tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant NOW = T0.plusSeconds(5);
    static final ChatId OPERATORS = new ChatId(-100);
    static final CustomerId CUSTOMER = new CustomerId(42);
    static final ChatId CHAT = new ChatId(42);
    static final InboundKey KEY = new InboundKey("telegram", "1001");
    static final BotSettings SETTINGS = BotSettings.defaults(OPERATORS);

    private Fixtures() {
    }

    static ChatMessage text(String text) {
        return ChatMessage.text(KEY, CHAT, new InboundEvent.Sender(CUSTOMER, "Ana Silva"), text, T0);
    }

    static ChatMessage withContact(String phone, Optional<CustomerId> owner) {
        return new ChatMessage(KEY, CHAT, new InboundEvent.Sender(CUSTOMER, "Ana Silva"), "", T0, Optional.empty(),
                Optional.of(new InboundEvent.SharedContact(phone, "Ana", owner)), Optional.empty());
    }

    static ChatMessage withFile(long sizeBytes) {
        return new ChatMessage(KEY, CHAT, new InboundEvent.Sender(CUSTOMER, "Ana Silva"), "my invoice", T0,
                Optional.empty(), Optional.empty(),
                Optional.of(new InboundEvent.FileRef("file-1", "invoice.pdf", "application/pdf", sizeBytes)));
    }

    static ChatMessage fromOperators(String text, Optional<String> replyTo) {
        return new ChatMessage(new InboundKey("telegram", "2001"), OPERATORS,
                new InboundEvent.Sender(new CustomerId(7), "Olga"), text, T0, replyTo, Optional.empty(), Optional.empty());
    }

    static InboxEntry entry(InboundEvent event) {
        return new InboxEntry(1, event, InboxState.PENDING, 0, Optional.empty(), T0, T0, Optional.empty());
    }

    static PipelineContext context(InboundEvent event) {
        return new PipelineContext(entry(event), NOW);
    }

    /** A context for {@code event} with {@link #lead()} identified and the route set. */
    static PipelineContext context(InboundEvent event, PipelineContext.Route route) {
        PipelineContext context = context(event);
        context.lead(lead());
        context.route(route);
        return context;
    }

    static final LeadId LEAD_ID = LeadId.random();

    static Lead lead() {
        return Lead.firstContact(LEAD_ID, CUSTOMER, CHAT, ContactFacts.displayedAs("Ana Silva"), T0.minusSeconds(3600));
    }
}
