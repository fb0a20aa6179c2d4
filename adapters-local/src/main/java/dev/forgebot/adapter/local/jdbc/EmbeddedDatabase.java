package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.application.port.out.Statistics;
import dev.forgebot.application.port.out.StorageException;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.application.port.out.UpdateInbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default storage: every storage port of the application on one SQLite database file,
 * {@code <data dir>/forgebot.db}, plus customers' files under {@code <data dir>/files/}.
 *
 * <p>{@link #open} creates the data directory if needed, opens the database with
 * {@code journal_mode=WAL}, {@code synchronous=FULL}, {@code foreign_keys=ON} and a busy timeout, and
 * applies the versioned Flyway migrations in {@code classpath:dev/forgebot/adapter/local/jdbc/migration}
 * that the file does not have yet (none on a second open). The accessors return the stores, one per
 * port; they live as long as this object and are the same instances on every call.
 *
 * <p>Durability: every port call is one transaction committed before it returns; with WAL and
 * {@code synchronous=FULL} the commit is fsynced, so a write that returned survives a kill of the
 * process (and a power cut, as far as the disk honours fsync).
 *
 * <p>Thread-safety: all stores share one connection guarded by one lock (see {@code Database}); any
 * number of threads, virtual or not, may call them. The process should be the only one using the
 * file; another process is tolerated (SQLite's file locks), its locks cost up to the busy timeout and
 * then fail transiently. Nothing here starts a thread.
 *
 * <p>Failures: opening throws {@link PermanentStorageException} (unreadable file, failed migration,
 * a database newer than this code) or {@link TransientStorageException} (locked, I/O); store calls
 * throw the same two types. After {@link #close()}, store calls fail permanently.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database file's name in the data directory. */
    public static final String FILE_NAME = "forgebot.db";

    static final String MIGRATIONS = "classpath:dev/forgebot/adapter/local/jdbc/migration";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedDatabaseSettings settings;
    private final Database database;
    private final int migrationsApplied;
    private final SqliteUpdateInbox inbox;
    private final SqliteLeadRepository leads;
    private final SqliteConversationLog conversations;
    private final SqliteTicketRepository tickets;
    private final SqliteQuestionLog questions;
    private final SqliteScenarioRepository scenarios;
    private final SqliteKnowledgeSource knowledge;
    private final SqliteStatistics statistics;
    private final LocalFileStore files;

    private EmbeddedDatabase(EmbeddedDatabaseSettings settings, Database database, int migrationsApplied) {
        this.settings = settings;
        this.database = database;
        this.migrationsApplied = migrationsApplied;
        JsonCodec json = new JsonCodec();
        this.inbox = new SqliteUpdateInbox(database, json);
        this.leads = new SqliteLeadRepository(database);
        this.conversations = new SqliteConversationLog(database);
        this.tickets = new SqliteTicketRepository(database);
        this.questions = new SqliteQuestionLog(database);
        this.scenarios = new SqliteScenarioRepository(database, json);
        this.knowledge = new SqliteKnowledgeSource(database, json);
        this.statistics = new SqliteStatistics(database);
        this.files = new LocalFileStore(database, settings.dataDir().resolve("files"), settings.maxFileBytes());
    }

    /** Opens (creating and migrating as needed) the database in {@code dataDir} with the default settings. */
    public static EmbeddedDatabase open(Path dataDir) {
        return open(EmbeddedDatabaseSettings.defaults(dataDir));
    }

    /** Opens (creating and migrating as needed) the database as {@code settings} say. */
    public static EmbeddedDatabase open(EmbeddedDatabaseSettings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir.resolve("files"));
        } catch (IOException e) {
            throw new TransientStorageException("database.open",
                    "data directory could not be created: " + e.getClass().getSimpleName(), e);
        }
        SQLiteDataSource dataSource = dataSource(dataDir.resolve(FILE_NAME), settings);
        int applied = migrate(dataSource);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            checkPragmas(connection);
            EmbeddedDatabase opened = new EmbeddedDatabase(settings, new Database(connection), applied);
            log.info("embedded database opened path={} migrationsApplied={}", dataDir.resolve(FILE_NAME), applied);
            return opened;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlErrors.translate("database.open", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static SQLiteDataSource dataSource(Path file, EmbeddedDatabaseSettings settings) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(Math.toIntExact(settings.busyTimeout().toMillis()));
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    private static int migrate(SQLiteDataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure(EmbeddedDatabase.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    StorageException translated = SqlErrors.translate("database.migrate", sql);
                    if (translated instanceof TransientStorageException) {
                        throw translated;
                    }
                }
            }
            throw new PermanentStorageException("database.migrate", "migrating the schema failed", e);
        }
    }

    /** The connection must really run with the settings durability and integrity depend on. */
    private static void checkPragmas(Connection connection) throws SQLException {
        requirePragma(connection, "journal_mode", "wal");
        requirePragma(connection, "synchronous", "2");
        requirePragma(connection, "foreign_keys", "1");
    }

    private static void requirePragma(Connection connection, String pragma, String expected) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + pragma)) {
            String actual = row.next() ? row.getString(1) : null;
            if (!expected.equalsIgnoreCase(actual)) {
                throw new PermanentStorageException("database.open",
                        "pragma " + pragma + " is " + actual + ", expected " + expected);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the failure being reported matters more
            }
        }
    }

    /** The inbox every channel writes to. */
    public UpdateInbox updateInbox() {
        return inbox;
    }

    /** Leads. */
    public LeadRepository leads() {
        return leads;
    }

    /** The conversation log. */
    public ConversationLog conversations() {
        return conversations;
    }

    /** Handoff tickets. */
    public TicketRepository tickets() {
        return tickets;
    }

    /** Unanswered questions. */
    public QuestionLog questions() {
        return questions;
    }

    /** Scenario drafts and runs. */
    public ScenarioRepository scenarios() {
        return scenarios;
    }

    /** Knowledge-base articles. */
    public KnowledgeSource knowledge() {
        return knowledge;
    }

    /** Figures for {@code /stats}. */
    public Statistics statistics() {
        return statistics;
    }

    /** Customers' files, under {@code <data dir>/files/}. */
    public FileStore files() {
        return files;
    }

    /** The settings it was opened with. */
    public EmbeddedDatabaseSettings settings() {
        return settings;
    }

    /** How many migrations this open applied (0 when the file was up to date). */
    int migrationsApplied() {
        return migrationsApplied;
    }

    /** SQLite's {@code PRAGMA integrity_check}: "ok", or what is wrong. */
    String integrityCheck() {
        return database.inTransaction("database.integrityCheck", connection -> {
            StringBuilder report = new StringBuilder();
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("PRAGMA integrity_check")) {
                while (row.next()) {
                    report.append(report.isEmpty() ? "" : "; ").append(row.getString(1));
                }
            }
            return report.toString();
        });
    }

    /** Closes the connection; store calls fail permanently afterwards. Idempotent. */
    @Override
    public void close() {
        database.close();
        log.info("embedded database closed path={}", settings.dataDir().toAbsolutePath().resolve(FILE_NAME));
    }
}
