package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.TicketRepositoryContract;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.lead.LeadId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteTicketRepositoryContractTest extends TicketRepositoryContract {

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @Override
    protected TicketRepository newStore() {
        database = EmbeddedDatabase.open(dataDir);
        return database.tickets();
    }

    @Override
    protected void givenLead(LeadId leadId) {
        new TestLeads(database).given(leadId);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
