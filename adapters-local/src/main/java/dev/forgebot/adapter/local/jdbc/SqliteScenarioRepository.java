package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ScenarioRepository} on the {@code scenarios} table (numbers from its AUTOINCREMENT key,
 * so they increase in saving order and are never reused; idempotent through
 * {@code UNIQUE (fingerprint)}) and the {@code scenario_runs} table, whose latest window end is the
 * last run. Thread-safe through {@link Database}.
 */
final class SqliteScenarioRepository implements ScenarioRepository {

    private static final String COLUMNS = "number, fingerprint, representative, examples, frequency, suggested_answer, "
            + "status, created_at, approved_at";

    private final Database database;
    private final JsonCodec json;

    SqliteScenarioRepository(Database database, JsonCodec json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public ScenarioDraft save(ScenarioDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return database.inTransaction("scenarios.save", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO scenarios (fingerprint, representative, examples, frequency, suggested_answer, status,
                        created_at, approved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING""")) {
                insert.setString(1, draft.fingerprint());
                insert.setString(2, draft.representative());
                insert.setString(3, json.writeStrings(draft.examples()));
                insert.setInt(4, draft.frequency());
                insert.setString(5, draft.suggestedAnswer());
                insert.setString(6, draft.status().name());
                insert.setLong(7, Times.stored(draft.createdAt()));
                Database.setOptionalTime(insert, 8, draft.approvedAt());
                insert.executeUpdate();
            }
            return selectOne(connection, "fingerprint = ?", draft.fingerprint())
                    .orElseThrow(() -> new PermanentStorageException("scenarios.save", "draft vanished after insert"));
        });
    }

    @Override
    public Optional<ScenarioDraft> find(long number) {
        return database.inTransaction("scenarios.find", connection -> selectOne(connection, "number = ?", number));
    }

    @Override
    public List<ScenarioDraft> list(ScenarioStatus status, int limit) {
        Objects.requireNonNull(status, "status");
        Database.requireLimit(limit);
        return database.inTransaction("scenarios.list", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM scenarios WHERE status = ? ORDER BY frequency DESC, number LIMIT ?")) {
                select.setString(1, status.name());
                select.setInt(2, limit);
                return drafts(select);
            }
        });
    }

    @Override
    public Optional<ScenarioDraft> approve(long number, Instant at) {
        Objects.requireNonNull(at, "at");
        return database.inTransaction("scenarios.approve", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE scenarios SET status = 'APPROVED', approved_at = ? WHERE number = ? AND status = 'DRAFT'")) {
                update.setLong(1, Times.stored(at));
                update.setLong(2, number);
                update.executeUpdate();
            }
            return selectOne(connection, "number = ?", number);
        });
    }

    @Override
    public Optional<Instant> lastRunUntil() {
        return database.inTransaction("scenarios.lastRunUntil", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MAX(until_at) FROM scenario_runs");
                    ResultSet row = select.executeQuery()) {
                row.next();
                long until = row.getLong(1);
                return row.wasNull() ? Optional.<Instant>empty() : Optional.of(Times.read(until));
            }
        });
    }

    @Override
    public void recordRun(Instant until) {
        Objects.requireNonNull(until, "until");
        database.inTransaction("scenarios.recordRun", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scenario_runs (until_at) VALUES (?)")) {
                insert.setLong(1, Times.stored(until));
                return insert.executeUpdate();
            }
        });
    }

    private Optional<ScenarioDraft> selectOne(Connection connection, String condition, Object key)
            throws SQLException, IOException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM scenarios WHERE " + condition)) {
            select.setObject(1, key);
            return drafts(select).stream().findFirst();
        }
    }

    private List<ScenarioDraft> drafts(PreparedStatement select) throws SQLException, IOException {
        List<ScenarioDraft> drafts = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                drafts.add(new ScenarioDraft(
                        row.getLong("number"),
                        row.getString("fingerprint"),
                        row.getString("representative"),
                        json.readStrings(row.getString("examples")),
                        row.getInt("frequency"),
                        row.getString("suggested_answer"),
                        ScenarioStatus.valueOf(row.getString("status")),
                        Database.time(row, "created_at"),
                        Database.optionalTime(row, "approved_at")));
            }
        }
        return List.copyOf(drafts);
    }
}
