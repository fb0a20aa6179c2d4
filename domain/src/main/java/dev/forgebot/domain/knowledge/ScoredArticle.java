package dev.forgebot.domain.knowledge;

/**
 * A search hit: an article and how well it answers the query.
 *
 * @param article the matching article
 * @param score   the normalised relevance in [0, 1]; comparable across queries, so one threshold
 *                (see {@link KnowledgeBase#DEFAULT_ANSWER_THRESHOLD}) decides whether to answer
 */
public record ScoredArticle(Article article, double score) {

    /**
     * Validates the hit.
     *
     * @throws IllegalArgumentException if the article is null or the score outside [0, 1]
     */
    public ScoredArticle {
        if (article == null) {
            throw new IllegalArgumentException("scored article must not be null");
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be within [0, 1], was " + score);
        }
    }
}
