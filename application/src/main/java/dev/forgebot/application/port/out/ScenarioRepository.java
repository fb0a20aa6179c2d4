package dev.forgebot.application.port.out;

import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Scenario drafts and the scenario runs' progress.
 *
 * <p>Contract: {@link #save} is idempotent on {@link ScenarioDraft#fingerprint()}: a draft saved
 * before is returned as stored (with its number) and nothing is written. Numbers are positive,
 * unique and increase in saving order. {@link #approve} is a true update. Failures are
 * {@link TransientStorageException} or {@link PermanentStorageException}. Thread-safe.
 */
public interface ScenarioRepository {

    /** Stores the draft unless one with its fingerprint exists; returns the stored one, numbered. */
    ScenarioDraft save(ScenarioDraft draft);

    /** The draft with this number. */
    Optional<ScenarioDraft> find(long number);

    /** Drafts in the given status, most frequent first, then by number. */
    List<ScenarioDraft> list(ScenarioStatus status, int limit);

    /**
     * Approves draft {@code number} at {@code at}; approving an approved draft changes nothing.
     *
     * @return the approved draft, or empty if there is no such draft
     */
    Optional<ScenarioDraft> approve(long number, Instant at);

    /** The end of the window the last completed scenario run covered. */
    Optional<Instant> lastRunUntil();

    /**
     * Records that a run covered everything up to {@code until}. Keeps the latest: an older
     * {@code until} (a late retry) never moves {@link #lastRunUntil()} back, since drafts are keyed
     * by their window and going back would draft them again.
     */
    void recordRun(Instant until);
}
