package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgebot.adapter.insforge.http.Direction;
import dev.forgebot.adapter.insforge.http.Filter;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ScenarioRepository} on the InsForge {@code scenarios} table (numbers from its identity
 * column, so they increase in saving order and are never reused; idempotent through
 * {@code on_conflict=fingerprint}) and the {@code scenario_runs} table, whose latest window end is the
 * last run (so an older, late {@code recordRun} never moves it back). Thread-safe.
 */
public final class InsForgeScenarioRepository implements ScenarioRepository {

    private static final String TABLE = "scenarios";
    private static final String RUNS = "scenario_runs";

    private final InsForgeHttpClient client;

    public InsForgeScenarioRepository(InsForgeHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public ScenarioDraft save(ScenarioDraft draft) {
        Objects.requireNonNull(draft, "draft");
        ObjectNode row = Rows.object();
        row.put("fingerprint", draft.fingerprint());
        row.put("representative", draft.representative());
        row.set("examples", EventJson.strings(draft.examples()));
        row.put("frequency", draft.frequency());
        row.put("suggested_answer", draft.suggestedAnswer());
        row.put("status", draft.status().name());
        row.put("created_at", Rows.time(draft.createdAt()));
        Rows.putTime(row, "approved_at", draft.approvedAt());
        List<JsonNode> inserted = client.insertIgnoringDuplicates(TABLE, List.of(row), "fingerprint");
        if (!inserted.isEmpty()) {
            return draft("scenarios.save", inserted.get(0));
        }
        return one("scenarios.save", Filter.eq("fingerprint", draft.fingerprint()))
                .orElseThrow(() -> new PermanentStorageException("scenarios.save", "draft vanished after insert"));
    }

    @Override
    public Optional<ScenarioDraft> find(long number) {
        return one("scenarios.find", Filter.eq("number", number));
    }

    @Override
    public List<ScenarioDraft> list(ScenarioStatus status, int limit) {
        Objects.requireNonNull(status, "status");
        RecordsQuery query = RecordsQuery.from(TABLE).where(Filter.eq("status", status.name()))
                .orderBy("frequency", Direction.DESC).orderBy("number", Direction.ASC);
        List<ScenarioDraft> out = new ArrayList<>();
        for (JsonNode row : Rows.select(client, query, limit)) {
            out.add(draft("scenarios.list", row));
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<ScenarioDraft> approve(long number, Instant at) {
        Objects.requireNonNull(at, "at");
        ObjectNode changes = Rows.object();
        changes.put("status", ScenarioStatus.APPROVED.name());
        changes.put("approved_at", Rows.time(at));
        List<JsonNode> changed = client.update(TABLE, List.of(Filter.eq("number", number),
                Filter.eq("status", ScenarioStatus.DRAFT.name())), changes);
        if (!changed.isEmpty()) {
            return Optional.of(draft("scenarios.approve", changed.get(0)));
        }
        return find(number);
    }

    @Override
    public Optional<Instant> lastRunUntil() {
        List<JsonNode> rows = client.select(RecordsQuery.from(RUNS).select("until_at")
                .orderBy("until_at", Direction.DESC).limit(1));
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(Rows.instant("scenarios.lastRunUntil", rows.get(0), "until_at"));
    }

    @Override
    public void recordRun(Instant until) {
        Objects.requireNonNull(until, "until");
        ObjectNode row = Rows.object();
        row.put("until_at", Rows.time(until));
        // one row per run; the identity id never conflicts, so a replay adds a harmless duplicate window end
        client.insertIgnoringDuplicates(RUNS, List.of(row), "id");
    }

    private Optional<ScenarioDraft> one(String op, Filter filter) {
        List<JsonNode> rows = client.select(RecordsQuery.from(TABLE).where(filter)
                .orderBy("number", Direction.ASC).limit(1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(draft(op, rows.get(0)));
    }

    private static ScenarioDraft draft(String op, JsonNode row) {
        return Rows.reading(op, () -> new ScenarioDraft(
                Rows.longValue(op, row, "number"),
                Rows.text(op, row, "fingerprint"),
                Rows.text(op, row, "representative"),
                EventJson.readStrings(op, row.get("examples")),
                Rows.intValue(op, row, "frequency"),
                Rows.text(op, row, "suggested_answer"),
                Rows.enumValue(op, row, "status", ScenarioStatus.class),
                Rows.instant(op, row, "created_at"),
                Rows.optionalInstant(op, row, "approved_at")));
    }
}
