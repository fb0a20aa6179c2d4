package dev.forgebot.application.port.out;

import dev.forgebot.domain.knowledge.Article;
import java.util.List;
import java.util.Optional;

/**
 * An optional language model that words answers from the knowledge base.
 *
 * <p>Contract: the answer is grounded in {@code articles} only. Any failure (unreachable, slow past
 * the implementation's time budget, refused, empty) returns {@link Optional#empty()} after logging,
 * so callers fall back to the extractive answer; it never throws for a remote failure. Thread-safe.
 */
public interface LanguageModel {

    /**
     * Words an answer to {@code question} from {@code articles}.
     *
     * @return the answer, or empty when the model could not give one
     */
    Optional<String> answer(String question, List<Article> articles);

    /** Proposes an answer for a scenario draft; empty when the model could not give one. */
    Optional<String> suggest(String representativeQuestion, List<String> examples, List<Article> nearestArticles);
}
