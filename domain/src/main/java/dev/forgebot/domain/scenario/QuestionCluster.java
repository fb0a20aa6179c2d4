package dev.forgebot.domain.scenario;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A group of unanswered questions that ask the same thing, produced by {@link QuestionClusterer}:
 * the seed of one scenario draft.
 *
 * <p>Immutable and thread-safe. Construction fails with {@link IllegalArgumentException} when
 * {@code frequency < 1}, when {@code examples} is empty, holds duplicates or blank texts, or does not
 * start with the representative, or when {@code firstAskedAt} is after {@code lastAskedAt}; with
 * {@link NullPointerException} on a null argument or element.
 *
 * @param representative the question text that best represents the cluster (its medoid)
 * @param examples distinct question texts of the cluster, most representative first (so the first is
 *     {@code representative}), capped by {@link ClusteringSettings#maxExamples()}
 * @param frequency how many questions fell in the cluster, duplicates included
 * @param firstAskedAt when the earliest of them was asked
 * @param lastAskedAt when the latest of them was asked
 */
public record QuestionCluster(
        String representative, List<String> examples, int frequency, Instant firstAskedAt, Instant lastAskedAt) {

    public QuestionCluster {
        Objects.requireNonNull(representative, "representative");
        Objects.requireNonNull(firstAskedAt, "firstAskedAt");
        Objects.requireNonNull(lastAskedAt, "lastAskedAt");
        examples = List.copyOf(examples);
        if (frequency < 1) {
            throw new IllegalArgumentException("frequency must be at least 1, was " + frequency);
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("examples must not be empty");
        }
        if (!examples.getFirst().equals(representative)) {
            throw new IllegalArgumentException("examples must start with the representative");
        }
        if (new HashSet<>(examples).size() != examples.size()) {
            throw new IllegalArgumentException("examples must be distinct");
        }
        if (examples.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("examples must not be blank");
        }
        if (examples.size() > frequency) {
            throw new IllegalArgumentException(
                    "a cluster of " + frequency + " questions cannot have " + examples.size() + " distinct examples");
        }
        if (firstAskedAt.isAfter(lastAskedAt)) {
            throw new IllegalArgumentException("firstAskedAt " + firstAskedAt + " is after lastAskedAt " + lastAskedAt);
        }
    }
}
