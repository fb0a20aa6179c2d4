package dev.forgebot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.forgebot.adapter.local.jdbc.EmbeddedDatabase;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.application.port.out.Statistics;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.bootstrap.management.ForgebotMetrics;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedded default's storage: every storage port on the SQLite database under the data
 * directory. The database is opened when first needed (not when the module is built), once.
 */
public final class LocalModule extends AbstractModule {

    private final Path dataDir;

    public LocalModule(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    @Provides
    @Singleton
    EmbeddedDatabase database() {
        return EmbeddedDatabase.open(dataDir);
    }

    @Provides
    @Singleton
    UpdateInbox inbox(EmbeddedDatabase db, ForgebotMetrics metrics) {
        return new MeteredUpdateInbox(db.updateInbox(), metrics);
    }

    @Provides
    LeadRepository leads(EmbeddedDatabase db) {
        return db.leads();
    }

    @Provides
    ConversationLog conversations(EmbeddedDatabase db) {
        return db.conversations();
    }

    @Provides
    TicketRepository tickets(EmbeddedDatabase db) {
        return db.tickets();
    }

    @Provides
    QuestionLog questions(EmbeddedDatabase db) {
        return db.questions();
    }

    @Provides
    ScenarioRepository scenarios(EmbeddedDatabase db) {
        return db.scenarios();
    }

    @Provides
    KnowledgeSource knowledgeSource(EmbeddedDatabase db) {
        return db.knowledge();
    }

    @Provides
    Statistics statistics(EmbeddedDatabase db) {
        return db.statistics();
    }

    @Provides
    FileStore files(EmbeddedDatabase db) {
        return db.files();
    }
}
