package dev.forgebot.domain.scenario;

/**
 * How {@link QuestionClusterer} groups questions. Validated once at construction.
 *
 * <p>Immutable and thread-safe. Construction fails with {@link IllegalArgumentException} when the
 * threshold is not a number in {@code [0, 1]} or a count is below 1.
 *
 * @param similarityThreshold two groups merge while their average pairwise similarity is at least
 *     this; higher gives smaller, purer clusters
 * @param maxExamples most distinct texts kept in {@link QuestionCluster#examples()}
 * @param minClusterSize clusters with fewer questions than this (duplicates counted) are left out
 */
public record ClusteringSettings(double similarityThreshold, int maxExamples, int minClusterSize) {

    /**
     * Default threshold, chosen by sweeping the labelled fixture
     * {@code fixtures/scenario/clusters.tsv} in {@code QuestionClusteringFixtureTest}.
     */
    public static final double DEFAULT_SIMILARITY_THRESHOLD = 0.18;

    /** Default cap on examples per cluster. */
    public static final int DEFAULT_MAX_EXAMPLES = 5;

    /** Default minimum cluster size: every question yields a cluster. */
    public static final int DEFAULT_MIN_CLUSTER_SIZE = 1;

    public ClusteringSettings {
        if (!(similarityThreshold >= 0.0 && similarityThreshold <= 1.0)) {
            throw new IllegalArgumentException("similarityThreshold must be within [0, 1], was " + similarityThreshold);
        }
        if (maxExamples < 1) {
            throw new IllegalArgumentException("maxExamples must be at least 1, was " + maxExamples);
        }
        if (minClusterSize < 1) {
            throw new IllegalArgumentException("minClusterSize must be at least 1, was " + minClusterSize);
        }
    }

    /** The defaults: {@value #DEFAULT_SIMILARITY_THRESHOLD}, {@value #DEFAULT_MAX_EXAMPLES}, {@value #DEFAULT_MIN_CLUSTER_SIZE}. */
    public static ClusteringSettings defaults() {
        return new ClusteringSettings(DEFAULT_SIMILARITY_THRESHOLD, DEFAULT_MAX_EXAMPLES, DEFAULT_MIN_CLUSTER_SIZE);
    }

    /** A copy with another similarity threshold. */
    public ClusteringSettings withSimilarityThreshold(double threshold) {
        return new ClusteringSettings(threshold, maxExamples, minClusterSize);
    }

    /** A copy with another cap on examples. */
    public ClusteringSettings withMaxExamples(int examples) {
        return new ClusteringSettings(similarityThreshold, examples, minClusterSize);
    }

    /** A copy with another minimum cluster size. */
    public ClusteringSettings withMinClusterSize(int size) {
        return new ClusteringSettings(similarityThreshold, maxExamples, size);
    }
}
