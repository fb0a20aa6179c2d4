package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.LeadRepositoryContract;
import dev.forgebot.application.port.out.LeadRepository;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteLeadRepositoryContractTest extends LeadRepositoryContract {

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @Override
    protected LeadRepository newStore() {
        database = EmbeddedDatabase.open(dataDir);
        return database.leads();
    }


    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
