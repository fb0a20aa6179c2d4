package dev.forgebot.domain.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario drafted from a cluster of unanswered questions, for operators to review. An approved
 * draft becomes a knowledge-base article at the next reload.
 *
 * @param number          the number operators use ({@code /approve 3}); 0 until stored
 * @param fingerprint     natural key: the run that drafted it and its representative question, so a
 *                        re-run of the same window stores nothing twice
 * @param representative  the question that stands for the cluster
 * @param examples        other ways customers asked it
 * @param frequency       how many times it was asked in the window
 * @param suggestedAnswer a proposed answer, possibly empty
 * @param status          draft or approved
 * @param createdAt       when it was drafted
 * @param approvedAt      when it was approved; present exactly when approved
 */
public record ScenarioDraft(
        long number,
        String fingerprint,
        String representative,
        List<String> examples,
        int frequency,
        String suggestedAnswer,
        ScenarioStatus status,
        Instant createdAt,
        Optional<Instant> approvedAt) {

    public ScenarioDraft {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(representative, "representative");
        Objects.requireNonNull(suggestedAnswer, "suggestedAnswer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(approvedAt, "approvedAt");
        examples = List.copyOf(examples);
        if (number < 0) {
            throw new IllegalArgumentException("a draft number cannot be negative, was " + number);
        }
        if (fingerprint.isBlank() || representative.isBlank()) {
            throw new IllegalArgumentException("a draft needs a fingerprint and a representative question");
        }
        if (frequency < 1) {
            throw new IllegalArgumentException("a draft stands for at least one question, was " + frequency);
        }
        if ((status == ScenarioStatus.APPROVED) != approvedAt.isPresent()) {
            throw new IllegalArgumentException("a draft has an approval time exactly when it is approved");
        }
    }

    /** A new, not yet stored draft for a cluster found by the run that ended at {@code runUntil}. */
    public static ScenarioDraft fromCluster(QuestionCluster cluster, String suggestedAnswer, Instant runUntil, Instant now) {
        return new ScenarioDraft(0, runUntil + "|" + cluster.representative(), cluster.representative(),
                cluster.examples(), cluster.frequency(), suggestedAnswer, ScenarioStatus.DRAFT, now, Optional.empty());
    }

    /** The same draft with the number storage gave it. */
    public ScenarioDraft numbered(long assigned) {
        return new ScenarioDraft(assigned, fingerprint, representative, examples, frequency, suggestedAnswer, status,
                createdAt, approvedAt);
    }

    /** The same draft approved at {@code at}; approving twice keeps the first approval. */
    public ScenarioDraft approve(Instant at) {
        if (status == ScenarioStatus.APPROVED) {
            return this;
        }
        return new ScenarioDraft(number, fingerprint, representative, examples, frequency, suggestedAnswer,
                ScenarioStatus.APPROVED, createdAt, Optional.of(at));
    }
}
