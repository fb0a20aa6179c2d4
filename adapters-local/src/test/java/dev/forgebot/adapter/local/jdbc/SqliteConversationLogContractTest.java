package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.ConversationLogContract;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.domain.lead.LeadId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteConversationLogContractTest extends ConversationLogContract {

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @Override
    protected ConversationLog newStore() {
        database = EmbeddedDatabase.open(dataDir);
        return database.conversations();
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
