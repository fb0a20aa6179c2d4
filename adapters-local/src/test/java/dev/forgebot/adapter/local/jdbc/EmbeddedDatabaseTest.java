package dev.forgebot.adapter.local.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.Sender;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aNewDatabaseIsCreatedInTheDataDirectoryWithEveryMigrationApplied() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir.resolve("nested/data"))) {
            assertThat(database.migrationsApplied()).isEqualTo(migrationFiles());
            assertThat(database.integrityCheck()).isEqualTo("ok");
        }
        Path file = dataDir.resolve("nested/data").resolve(EmbeddedDatabase.FILE_NAME);
        assertThat(file).exists();
        assertThat(tables(file)).contains("inbox", "leads", "messages", "tickets", "unanswered_questions", "scenarios",
                "kb_articles", "attachments", "scenario_runs");
    }

    @Test
    void aVersionOneDatabaseIsMigratedToClaimsAndItsPendingEntriesStartUnclaimed() throws Exception {
        Path file = dataDir.resolve(EmbeddedDatabase.FILE_NAME);
        Flyway.configure(EmbeddedDatabase.class.getClassLoader()).dataSource("jdbc:sqlite:" + file, null, null)
                .locations(EmbeddedDatabase.MIGRATIONS).target("1").load().migrate();
        InboundKey key = new InboundKey("telegram", "7");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO inbox (source, external_id, chat_id, event, state, attempts, received_at, next_attempt_at)
                        VALUES (?, ?, 1, ?, 'PENDING', 0, ?, ?)""")) {
            insert.setString(1, key.source());
            insert.setString(2, key.externalId());
            insert.setString(3, new JsonCodec().writeEvent(
                    ChatMessage.text(key, new ChatId(1), new Sender(new CustomerId(1), ""), "hi", T0)));
            insert.setLong(4, Times.stored(T0));
            insert.setLong(5, Times.stored(T0));
            insert.executeUpdate();
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir)) {
            assertThat(database.migrationsApplied()).isEqualTo(migrationFiles() - 1);
            assertThat(database.updateInbox().claim(key, "instance-a", T0.plusSeconds(300), T0)).isTrue();
            assertThat(database.updateInbox().claim(key, "instance-b", T0.plusSeconds(300), T0)).isFalse();
        }
    }

    @Test
    void openingTwiceAppliesNothingTheSecondTime() throws Exception {
        EmbeddedDatabase.open(dataDir).close();
        int historyRows = historyRows(dataDir.resolve(EmbeddedDatabase.FILE_NAME));

        try (EmbeddedDatabase again = EmbeddedDatabase.open(dataDir)) {
            assertThat(again.migrationsApplied()).isZero();
        }
        assertThat(historyRows(dataDir.resolve(EmbeddedDatabase.FILE_NAME))).isEqualTo(historyRows);
    }

    @Test
    void dataWrittenBeforeAReopenIsStillThere() {
        Lead lead = lead(1);
        try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir)) {
            database.leads().findOrCreate(lead, Optional.of(T0));
        }

        try (EmbeddedDatabase reopened = EmbeddedDatabase.open(dataDir)) {
            assertThat(reopened.leads().find(lead.id())).contains(lead);
            assertThat(reopened.leads().dueForFollowUp(T0, 10)).containsExactly(lead);
        }
    }

    @Test
    void theConnectionRunsWithWalFullSyncAndForeignKeys() throws Exception {
        EmbeddedDatabase.open(dataDir).close();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(EmbeddedDatabase.FILE_NAME));
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA journal_mode")) {
            row.next();
            assertThat(row.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void aRowReferencingAnUnknownLeadIsRefusedPermanently() {
        try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir)) {
            var message = new dev.forgebot.domain.conversation.Message(dev.forgebot.domain.conversation.MessageId.random(),
                    LeadId.random(), dev.forgebot.domain.conversation.Direction.INBOUND, "hello",
                    new dev.forgebot.domain.conversation.InboundKey("telegram", "1"), T0);

            assertThatThrownBy(() -> database.conversations().record(message))
                    .isInstanceOf(PermanentStorageException.class)
                    .hasMessageStartingWith("messages.record:")
                    .hasMessageNotContaining("hello");
        }
    }

    @Test
    void aClaimDecidedBeforeTheCustomersLastMessageLoses() {
        try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir)) {
            Lead lead = database.leads().findOrCreate(lead(1).customerWrote(T0.plusSeconds(100)), Optional.of(T0));

            boolean claimed = database.leads().claimFollowUp(lead.id(), 0, T0.plusSeconds(50), Optional.empty(), "token");

            assertThat(claimed).isFalse();
            assertThat(database.leads().find(lead.id())).contains(lead);
        }
    }

    @Test
    void storeCallsAfterCloseFailPermanently() {
        EmbeddedDatabase database = EmbeddedDatabase.open(dataDir);
        database.close();
        database.close();

        assertThatThrownBy(() -> database.leads().count()).isInstanceOf(PermanentStorageException.class);
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedPermanently() throws Exception {
        Files.writeString(dataDir.resolve(EmbeddedDatabase.FILE_NAME), "this is not a database, just some text ".repeat(200));

        assertThatThrownBy(() -> EmbeddedDatabase.open(dataDir)).isInstanceOf(PermanentStorageException.class);
    }

    @Test
    void busyLockedAndIoFailuresAreTransientOthersPermanent() {
        assertThat(SqlErrors.translate("op", new SQLException("busy", null, 5))).isInstanceOf(TransientStorageException.class);
        assertThat(SqlErrors.translate("op", new SQLException("locked", null, 6))).isInstanceOf(TransientStorageException.class);
        assertThat(SqlErrors.translate("op", new SQLException("io", null, 10 | (3 << 8))))
                .isInstanceOf(TransientStorageException.class);
        assertThat(SqlErrors.translate("op", new SQLException("constraint", null, 19)))
                .isInstanceOf(PermanentStorageException.class);
        assertThat(SqlErrors.translate("op", new SQLException("misuse", null, 21)))
                .isInstanceOf(PermanentStorageException.class);
        assertThat(SqlErrors.translate("op", new SQLException("no such table", null, 1)))
                .isInstanceOf(PermanentStorageException.class)
                .hasMessage("op: sqlite error 1 (error)");
    }

    @Test
    void instantsRoundTripExactlyAndQueryBoundsSaturate() {
        Instant precise = Instant.parse("2026-11-01T10:00:00.123456789Z");
        Instant beforeEpoch = Instant.parse("1960-01-01T00:00:00.5Z");

        assertThat(Times.read(Times.stored(precise))).isEqualTo(precise);
        assertThat(Times.read(Times.stored(beforeEpoch))).isEqualTo(beforeEpoch);
        assertThat(Times.bound(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(Times.bound(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> Times.stored(Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileKeysBecomeSafeDistinctFileNames() {
        assertThat(LocalFileStore.safeName("telegram-17.pdf")).isEqualTo("telegram-17.pdf");
        assertThat(LocalFileStore.safeName("leads/a/../b")).doesNotContain("/").isEqualTo("leads%2Fa%2F..%2Fb");
        assertThat(LocalFileStore.safeName("..")).isEqualTo("%2E.");
        assertThat(LocalFileStore.safeName("счёт")).doesNotContain("/").isNotEqualTo(LocalFileStore.safeName("счет"));
        assertThat(LocalFileStore.safeName("x".repeat(500))).hasSizeLessThanOrEqualTo(120);
    }

    private static Lead lead(long customer) {
        return Lead.firstContact(LeadId.random(), new CustomerId(customer), new ChatId(customer),
                ContactFacts.displayedAs("Customer " + customer), T0);
    }

    private static int migrationFiles() throws Exception {
        var url = EmbeddedDatabase.class.getResource("migration");
        try (var files = Files.list(Path.of(url.toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    private static List<String> tables(Path file) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        return tables;
    }

    private static int historyRows(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
            row.next();
            return row.getInt(1);
        }
    }
}
