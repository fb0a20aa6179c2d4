package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.Sender;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The child process of {@link EmbeddedDatabaseDurabilityIT}: opens the database in {@code args[0]},
 * answers one message (its inbox entry marked HANDLED), then writes {@code args[1]} inbox entries and
 * leads one by one, printing each number once its writes have returned. It is killed mid-way.
 */
public final class DurabilityChild {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final InboundKey ANSWERED = new InboundKey("telegram", "answered");

    private DurabilityChild() {
    }

    public static void main(String[] args) {
        EmbeddedDatabase database = EmbeddedDatabase.open(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        database.updateInbox().store(List.of(ChatMessage.text(ANSWERED, new ChatId(1), new Sender(new CustomerId(1), ""),
                "already answered", T0)), T0);
        database.updateInbox().markHandled(ANSWERED, InboxState.HANDLED, T0.plusSeconds(1));
        System.out.println("HANDLED " + ANSWERED);
        System.out.flush();
        for (int i = 0; i < count; i++) {
            database.updateInbox().store(List.of(event(i)), T0.plusMillis(i));
            database.leads().findOrCreate(lead(i), Optional.of(T0.plusSeconds(i)));
            System.out.println("WROTE " + i);
            System.out.flush();
        }
        database.close();
        System.out.println("DONE");
    }

    static InboundKey key(int i) {
        return new InboundKey("telegram", "durable-" + i);
    }

    static ChatMessage event(int i) {
        return ChatMessage.text(key(i), new ChatId(10_000 + i), new Sender(new CustomerId(10_000 + i), "Zoë " + i),
                "message " + i + " — Привет 👋 שלום", T0.plusMillis(i));
    }

    static Lead lead(int i) {
        return Lead.firstContact(new LeadId(new UUID(42, i)), new CustomerId(10_000 + i), new ChatId(10_000 + i),
                ContactFacts.displayedAs("Customer " + i), T0.plusSeconds(i));
    }
}
