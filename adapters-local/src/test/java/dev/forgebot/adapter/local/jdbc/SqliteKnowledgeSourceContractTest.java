package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.KnowledgeSourceContract;
import dev.forgebot.application.port.out.KnowledgeSource;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteKnowledgeSourceContractTest extends KnowledgeSourceContract {

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @Override
    protected KnowledgeSource newStore() {
        database = EmbeddedDatabase.open(dataDir);
        return database.knowledge();
    }


    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
