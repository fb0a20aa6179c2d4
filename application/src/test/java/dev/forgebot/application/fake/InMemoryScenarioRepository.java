package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ScenarioRepository} in memory; passes {@code ScenarioRepositoryContract}. Numbers drafts
 * 1, 2, 3, ... in saving order. The last run is the latest window end recorded (a late, older record
 * does not move it back). Thread-safe (one lock).
 */
public class InMemoryScenarioRepository implements ScenarioRepository {

    private final Map<Long, ScenarioDraft> byNumber = new LinkedHashMap<>();
    private final Map<String, Long> byFingerprint = new LinkedHashMap<>();
    private long lastNumber;
    private Instant lastRunUntil;

    @Override
    public synchronized ScenarioDraft save(ScenarioDraft draft) {
        Long known = byFingerprint.get(draft.fingerprint());
        if (known != null) {
            return byNumber.get(known);
        }
        ScenarioDraft stored = draft.numbered(++lastNumber);
        byNumber.put(stored.number(), stored);
        byFingerprint.put(stored.fingerprint(), stored.number());
        return stored;
    }

    @Override
    public synchronized Optional<ScenarioDraft> find(long number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    @Override
    public synchronized List<ScenarioDraft> list(ScenarioStatus status, int limit) {
        return byNumber.values().stream()
                .filter(d -> d.status() == status)
                .sorted(Comparator.comparingInt(ScenarioDraft::frequency).reversed()
                        .thenComparingLong(ScenarioDraft::number))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<ScenarioDraft> approve(long number, Instant at) {
        ScenarioDraft stored = byNumber.get(number);
        if (stored == null) {
            return Optional.empty();
        }
        ScenarioDraft approved = stored.approve(at);
        byNumber.put(number, approved);
        return Optional.of(approved);
    }

    @Override
    public synchronized Optional<Instant> lastRunUntil() {
        return Optional.ofNullable(lastRunUntil);
    }

    @Override
    public synchronized void recordRun(Instant until) {
        if (lastRunUntil == null || until.isAfter(lastRunUntil)) {
            lastRunUntil = until;
        }
    }
}
