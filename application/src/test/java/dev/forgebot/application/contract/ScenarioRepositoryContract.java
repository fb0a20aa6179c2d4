package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ScenarioRepository} contract: {@code save} is idempotent on the fingerprint (a replay
 * returns the stored draft, numbered, and writes nothing, not even over an approval); numbers are
 * positive, unique and increase in saving order; {@code list} filters by status, most frequent
 * first, then by number, within the limit; {@code approve} is a true update that keeps the first
 * approval; the last run's window end is recorded.
 *
 * <p>An adapter uses it by subclassing it as {@code <Technology>ScenarioRepositoryContractTest} and
 * returning a fresh, empty store from {@link #newStore()}. Thread-free.
 */
public abstract class ScenarioRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private ScenarioRepository scenarios;

    /** A fresh, empty store; called once per test. */
    protected abstract ScenarioRepository newStore();

    @BeforeEach
    void createStore() {
        scenarios = newStore();
    }

    private static ScenarioDraft draft(String representative, int frequency) {
        return new ScenarioDraft(0, T0 + "|" + representative, representative,
                List.of(representative + "?", "also: " + representative), frequency, "Try this.", ScenarioStatus.DRAFT,
                T0, Optional.empty());
    }

    @Test
    void saveNumbersTheDraftAndStoresIt() {
        ScenarioDraft draft = draft("how do I get a refund", 5);

        ScenarioDraft saved = scenarios.save(draft);

        assertThat(saved.number()).isPositive();
        assertThat(saved).isEqualTo(draft.numbered(saved.number()));
        assertThat(scenarios.find(saved.number())).contains(saved);
    }

    @Test
    void numbersAreUniqueAndIncreaseInSavingOrder() {
        long first = scenarios.save(draft("a", 1)).number();
        long second = scenarios.save(draft("b", 9)).number();
        long third = scenarios.save(draft("c", 4)).number();

        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    @Test
    void savingAKnownFingerprintReturnsTheStoredDraftAndWritesNothing() {
        ScenarioDraft first = scenarios.save(draft("how do I get a refund", 5));
        ScenarioDraft sameFingerprint = new ScenarioDraft(0, first.fingerprint(), "another wording", List.of(), 9,
                "Another answer.", ScenarioStatus.DRAFT, T0.plusSeconds(60), Optional.empty());

        ScenarioDraft replayed = scenarios.save(sameFingerprint);

        assertThat(replayed).isEqualTo(first);
        assertThat(scenarios.list(ScenarioStatus.DRAFT, 10)).containsExactly(first);
    }

    @Test
    void aReplayedSaveNeverOverwritesAnApprovalMadeSince() {
        ScenarioDraft draft = draft("how do I get a refund", 5);
        ScenarioDraft saved = scenarios.save(draft);
        ScenarioDraft approved = scenarios.approve(saved.number(), T0.plusSeconds(100)).orElseThrow();

        ScenarioDraft replayed = scenarios.save(draft);

        assertThat(replayed).isEqualTo(approved);
        assertThat(scenarios.find(saved.number())).contains(approved);
    }

    @Test
    void aReplayDoesNotUseUpANumber() {
        ScenarioDraft first = scenarios.save(draft("a", 1));
        scenarios.save(draft("a", 1));

        ScenarioDraft next = scenarios.save(draft("b", 1));

        assertThat(next.number()).isGreaterThan(first.number());
        assertThat(scenarios.list(ScenarioStatus.DRAFT, 10)).hasSize(2);
    }

    @Test
    void findOfAnUnknownNumberIsEmpty() {
        assertThat(scenarios.find(1)).isEmpty();
        assertThat(scenarios.find(12345)).isEmpty();
    }

    @Test
    void listReturnsTheMostFrequentFirstThenByNumber() {
        ScenarioDraft rareEarly = scenarios.save(draft("rare early", 2));
        ScenarioDraft common = scenarios.save(draft("common", 9));
        ScenarioDraft rareLate = scenarios.save(draft("rare late", 2));
        ScenarioDraft middle = scenarios.save(draft("middle", 5));

        assertThat(scenarios.list(ScenarioStatus.DRAFT, 10)).containsExactly(common, middle, rareEarly, rareLate);
        assertThat(scenarios.list(ScenarioStatus.DRAFT, 2)).containsExactly(common, middle);
    }

    @Test
    void listReturnsOnlyDraftsInTheGivenStatus() {
        ScenarioDraft waiting = scenarios.save(draft("waiting", 3));
        ScenarioDraft toApprove = scenarios.save(draft("approved", 7));
        ScenarioDraft approved = scenarios.approve(toApprove.number(), T0.plusSeconds(5)).orElseThrow();

        assertThat(scenarios.list(ScenarioStatus.DRAFT, 10)).containsExactly(waiting);
        assertThat(scenarios.list(ScenarioStatus.APPROVED, 10)).containsExactly(approved);
    }

    @Test
    void approveIsATrueUpdate() {
        ScenarioDraft saved = scenarios.save(draft("how do I get a refund", 5));

        Optional<ScenarioDraft> approved = scenarios.approve(saved.number(), T0.plusSeconds(100));

        assertThat(approved).contains(saved.approve(T0.plusSeconds(100)));
        assertThat(scenarios.find(saved.number())).isEqualTo(approved);
        assertThat(approved.orElseThrow().status()).isEqualTo(ScenarioStatus.APPROVED);
        assertThat(approved.orElseThrow().approvedAt()).contains(T0.plusSeconds(100));
    }

    @Test
    void approvingAnApprovedDraftChangesNothing() {
        ScenarioDraft saved = scenarios.save(draft("how do I get a refund", 5));
        ScenarioDraft first = scenarios.approve(saved.number(), T0.plusSeconds(100)).orElseThrow();

        Optional<ScenarioDraft> again = scenarios.approve(saved.number(), T0.plusSeconds(900));

        assertThat(again).contains(first);
        assertThat(scenarios.find(saved.number())).contains(first);
    }

    @Test
    void approvingAnUnknownNumberIsEmptyAndStoresNothing() {
        assertThat(scenarios.approve(7, T0)).isEmpty();
        assertThat(scenarios.find(7)).isEmpty();
        assertThat(scenarios.list(ScenarioStatus.APPROVED, 10)).isEmpty();
    }

    @Test
    void noRunIsRecordedInANewStore() {
        assertThat(scenarios.lastRunUntil()).isEmpty();
    }

    @Test
    void recordRunRemembersTheEndOfTheWindow() {
        scenarios.recordRun(T0);

        assertThat(scenarios.lastRunUntil()).contains(T0);
    }

    @Test
    void theLatestRunsWindowEndWins() {
        scenarios.recordRun(T0);
        scenarios.recordRun(T0.plusSeconds(3600));

        assertThat(scenarios.lastRunUntil()).contains(T0.plusSeconds(3600));
    }

    @Test
    void unicodeAndLongTextsRoundTripIntact() {
        ScenarioDraft draft = new ScenarioDraft(0, "run|" + SampleTexts.UNICODE, SampleTexts.UNICODE,
                List.of(SampleTexts.UNICODE, "", "second example"), 3, SampleTexts.ofLength(10_000), ScenarioStatus.DRAFT,
                T0, Optional.empty());

        ScenarioDraft saved = scenarios.save(draft);

        assertThat(scenarios.find(saved.number())).contains(draft.numbered(saved.number()));
    }

    @Test
    void aDraftWithoutExamplesOrSuggestionRoundTrips() {
        ScenarioDraft draft = new ScenarioDraft(0, "fp", "question", List.of(), 1, "", ScenarioStatus.DRAFT, T0,
                Optional.empty());

        ScenarioDraft saved = scenarios.save(draft);

        assertThat(scenarios.find(saved.number())).contains(draft.numbered(saved.number()));
    }
}
