package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.UpdateInboxContract;
import dev.forgebot.application.port.out.UpdateInbox;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteUpdateInboxContractTest extends UpdateInboxContract {

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @Override
    protected UpdateInbox newStore() {
        database = EmbeddedDatabase.open(dataDir);
        return database.updateInbox();
    }

    @Override
    protected UpdateInbox reopen(UpdateInbox store) {
        database.close();
        database = EmbeddedDatabase.open(dataDir);
        return database.updateInbox();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
