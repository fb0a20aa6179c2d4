package dev.forgebot.application.port.in;

/**
 * Clusters the questions the bot could not answer since the last run and stores one scenario draft
 * per cluster. Called by a supervised loop, or on demand. Thread-safe.
 */
public interface RunScenarios {

    /** One run over the questions since the last one. */
    ScenarioRun runOnce();

    /**
     * What a run did.
     *
     * @param questions questions considered
     * @param drafts    drafts stored
     */
    record ScenarioRun(int questions, int drafts) {
    }
}
