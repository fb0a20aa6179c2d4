package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.LeadRepositoryConcurrencyContract;
import dev.forgebot.application.port.out.LeadRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteLeadRepositoryConcurrencyIT extends LeadRepositoryConcurrencyContract {

    @TempDir
    Path dataDir;

    private final List<EmbeddedDatabase> opened = new ArrayList<>();

    @Override
    protected LeadRepository newStore() {
        EmbeddedDatabase database = EmbeddedDatabase.open(dataDir.resolve("db-" + opened.size()));
        opened.add(database);
        return database.leads();
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(EmbeddedDatabase::close);
    }
}
