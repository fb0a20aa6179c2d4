package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The concurrent half of the {@link ScenarioRepository} contract: one draft saved from several
 * threads is stored once under one number, and distinct drafts saved together get distinct numbers.
 * Starts threads, so concrete subclasses are named {@code *IT}; an adapter returns a fresh, empty
 * store from {@link #newStore()}.
 */
public abstract class ScenarioRepositoryConcurrencyContract {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    /** A fresh, empty store; called once per test. */
    protected abstract ScenarioRepository newStore();

    private static ScenarioDraft draft(String fingerprint) {
        return new ScenarioDraft(0, fingerprint, "question " + fingerprint, List.of(), 1, "", ScenarioStatus.DRAFT, T0,
                Optional.empty());
    }

    @RepeatedTest(5)
    void theSameDraftSavedFromEightThreadsIsStoredOnce() throws Exception {
        ScenarioRepository scenarios = newStore();

        List<ScenarioDraft> saved = Concurrently.run(8, i -> scenarios.save(draft("same")));

        assertThat(saved).allSatisfy(d -> assertThat(d).isEqualTo(saved.get(0)));
        assertThat(scenarios.list(ScenarioStatus.DRAFT, 100)).containsExactly(saved.get(0));
    }

    @RepeatedTest(5)
    void distinctDraftsSavedFromEightThreadsGetDistinctNumbers() throws Exception {
        ScenarioRepository scenarios = newStore();

        List<ScenarioDraft> saved = Concurrently.run(8, i -> scenarios.save(draft("fp-" + i)));

        assertThat(saved).extracting(ScenarioDraft::number).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isPositive());
    }
}
