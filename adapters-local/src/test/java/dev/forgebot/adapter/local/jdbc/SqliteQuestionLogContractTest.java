package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.QuestionLogContract;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.domain.lead.LeadId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteQuestionLogContractTest extends QuestionLogContract {

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @Override
    protected QuestionLog newStore() {
        database = EmbeddedDatabase.open(dataDir);
        return database.questions();
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
