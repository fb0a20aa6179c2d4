package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.FileStoreContract;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.domain.lead.LeadId;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteFileStoreContractTest extends FileStoreContract {

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @Override
    protected FileStore newStore() {
        database = EmbeddedDatabase.open(EmbeddedDatabaseSettings.defaults(dataDir).withMaxFileBytes(4096));
        return database.files();
    }

    @Override
    protected Optional<byte[]> storedContent(String key) {
        return ((LocalFileStore) database.files()).read(key);
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
