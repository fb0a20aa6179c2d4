package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.Optional;

/** Stores the leads that rows of other tables reference (the schema enforces those foreign keys). */
final class TestLeads {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final EmbeddedDatabase database;
    TestLeads(EmbeddedDatabase database) {
        this.database = database;
    }

    void given(LeadId leadId) {
        long customer = 900_000 + database.leads().count();
        database.leads().findOrCreate(Lead.firstContact(leadId, new CustomerId(customer), new ChatId(customer),
                ContactFacts.none(), T0), Optional.empty());
    }
}
