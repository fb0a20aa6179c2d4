package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.ScenarioRepositoryContract;
import dev.forgebot.application.port.out.ScenarioRepository;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteScenarioRepositoryContractTest extends ScenarioRepositoryContract {

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @Override
    protected ScenarioRepository newStore() {
        database = EmbeddedDatabase.open(dataDir);
        return database.scenarios();
    }


    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
