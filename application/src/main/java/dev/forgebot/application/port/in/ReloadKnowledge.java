package dev.forgebot.application.port.in;

/**
 * Rebuilds the knowledge base from its source (articles plus approved scenario drafts) and swaps
 * it in atomically; handlers in flight finish on the snapshot they started with. Thread-safe.
 */
public interface ReloadKnowledge {

    /** Reloads now. */
    KnowledgeReload reload();

    /**
     * What a reload found.
     *
     * @param articles     articles in the new snapshot
     * @param fromDrafts   of which came from approved scenario drafts
     */
    record KnowledgeReload(int articles, int fromDrafts) {
    }
}
