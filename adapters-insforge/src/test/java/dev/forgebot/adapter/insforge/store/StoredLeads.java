package dev.forgebot.adapter.insforge.store;

import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Stores leads on the current fake so rows referencing them pass its foreign keys. */
final class StoredLeads {

    private static final AtomicLong CUSTOMERS = new AtomicLong(1_000_000);

    private StoredLeads() {
    }

    static void store(FakeServers servers, LeadId id) {
        long customer = CUSTOMERS.incrementAndGet();
        new InsForgeLeadRepository(servers.anotherClient()).findOrCreate(Lead.firstContact(id, new CustomerId(customer),
                new ChatId(customer), ContactFacts.displayedAs("Customer"), Instant.parse("2026-11-01T09:00:00Z")),
                Optional.empty());
    }
}
