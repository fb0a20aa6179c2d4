package dev.forgebot.domain.scenario;

import dev.forgebot.domain.text.TextNormalizer;
import dev.forgebot.domain.text.Tokenizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Groups unanswered questions that ask the same thing, so each group can become one scenario draft.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li>Questions are keyed by their {@link TextNormalizer normalised} text; exact duplicates under
 *       that key become one item weighted by how often it was asked, so they always share a cluster
 *       and all count toward its frequency. The text shown for an item is its most frequent original
 *       spelling (ties: the lexicographically smallest).
 *   <li>Questions without a single {@link Tokenizer#terms term} (emoji only, punctuation, only stop
 *       words such as "how?") are <b>dropped</b>: there is no question in them to draft an answer for,
 *       and a cluster of "👍" would only be noise for the operators.
 *   <li>Terms that name the same thing in support jargon ("ubuntu" and "linux", "saml" and "sso",
 *       "charity" and "nonprofit") are rewritten to one canonical term by a small built-in lexicon.
 *   <li>Each item gets a TF-IDF vector of its terms and one of its character trigrams, IDF computed over
 *       the batch with smoothing; similarity is 0.8 × term cosine + 0.2 × trigram cosine (the trigrams
 *       help short questions that differ by typos, spelling or joined words).
 *   <li>Items are clustered by agglomerative clustering with average linkage, weighted by duplicates,
 *       cut at {@link ClusteringSettings#similarityThreshold()}.
 *   <li>A cluster's representative is its medoid: the text with the highest average similarity to
 *       the cluster's other questions (duplicates counted); ties go to the more frequent text, then the
 *       shorter, then the lexicographically smaller. Examples are the distinct texts in the same order.
 *   <li>Clusters smaller than {@link ClusteringSettings#minClusterSize()} are left out; the rest are
 *       ranked by frequency descending, then most recent question first, then representative text.
 * </ol>
 * Items are processed in the order of their normalised text, and every tie is broken on content, so
 * the result does not depend on the order of the input.
 *
 * <h2>Cost</h2>
 * For n distinct questions: O(n²) time (pairwise similarities, then a nearest-neighbour chain) and a
 * float matrix of n(n-1)/2 entries, 8 MB for n = 2,000, which clusters in about a second. Above
 * {@link #MAX_DISTINCT_QUESTIONS} distinct questions the call is refused rather than risk the heap;
 * the caller should cluster in smaller batches.
 *
 * <h2>Thread-safety and failures</h2>
 * Immutable and thread-safe; {@link #cluster} keeps all its state on the stack. It throws
 * {@link NullPointerException} for a null collection or element, and {@link IllegalArgumentException}
 * beyond {@link #MAX_DISTINCT_QUESTIONS}; it has no other failure and does no I/O.
 */
public final class QuestionClusterer {

    /** Most distinct (normalised) questions one call accepts: a 200 MB similarity matrix. */
    public static final int MAX_DISTINCT_QUESTIONS = 10_000;

    /** Share of the character-trigram cosine in the similarity blend, chosen on the fixture. */
    static final double TRIGRAM_WEIGHT = 0.2;

    private final ClusteringSettings settings;
    private final double trigramWeight;
    private final boolean lexicon;

    /** A clusterer with {@link ClusteringSettings#defaults()}. */
    public QuestionClusterer() {
        this(ClusteringSettings.defaults());
    }

    /** @param settings how to cluster; not null */
    public QuestionClusterer(ClusteringSettings settings) {
        this(settings, TRIGRAM_WEIGHT, true);
    }

    /** For measurement: another trigram share, or without the {@link SupportLexicon}. */
    QuestionClusterer(ClusteringSettings settings, double trigramWeight, boolean lexicon) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trigramWeight = trigramWeight;
        this.lexicon = lexicon;
    }

    /** The settings this clusterer applies. */
    public ClusteringSettings settings() {
        return settings;
    }

    /**
     * Clusters {@code questions}.
     *
     * @param questions the batch, in any order, duplicates allowed; not null, no null elements
     * @return the clusters, best first (see the class comment); empty when no question has terms
     * @throws IllegalArgumentException if there are more than {@link #MAX_DISTINCT_QUESTIONS} distinct questions
     */
    public List<QuestionCluster> cluster(Collection<UnansweredQuestion> questions) {
        List<Item> items = items(questions);
        if (items.size() > MAX_DISTINCT_QUESTIONS) {
            throw new IllegalArgumentException("cannot cluster " + items.size()
                    + " distinct questions at once; the limit is " + MAX_DISTINCT_QUESTIONS);
        }
        if (items.isEmpty()) {
            return List.of();
        }
        QuestionSimilarity similarity = QuestionSimilarity.of(items.stream().map(Item::terms).toList(), trigramWeight);
        int[] weights = items.stream().mapToInt(Item::count).toArray();
        List<QuestionCluster> clusters = new ArrayList<>();
        for (List<Integer> group : AverageLinkage.cluster(similarity, weights, settings.similarityThreshold())) {
            QuestionCluster cluster = describe(group, items, similarity);
            if (cluster.frequency() >= settings.minClusterSize()) {
                clusters.add(cluster);
            }
        }
        clusters.sort(Comparator.comparingInt(QuestionCluster::frequency).reversed()
                .thenComparing(QuestionCluster::lastAskedAt, Comparator.reverseOrder())
                .thenComparing(QuestionCluster::representative));
        return List.copyOf(clusters);
    }

    /** One distinct normalised question: its duplicates, terms and time span. */
    private record Item(String text, List<String> terms, int count, Instant first, Instant last) {
    }

    private List<Item> items(Collection<UnansweredQuestion> questions) {
        Map<String, List<UnansweredQuestion>> byKey = new TreeMap<>();
        for (UnansweredQuestion question : questions) {
            Objects.requireNonNull(question, "question");
            byKey.computeIfAbsent(TextNormalizer.normalize(question.text()), k -> new ArrayList<>()).add(question);
        }
        List<Item> items = new ArrayList<>(byKey.size());
        for (List<UnansweredQuestion> duplicates : byKey.values()) {
            List<String> terms = Tokenizer.terms(duplicates.getFirst().text());
            terms = lexicon ? SupportLexicon.canonical(terms) : terms;
            if (terms.isEmpty()) {
                continue;
            }
            Map<String, Integer> spellings = new TreeMap<>();
            Instant first = Instant.MAX;
            Instant last = Instant.MIN;
            for (UnansweredQuestion q : duplicates) {
                spellings.merge(q.text(), 1, Integer::sum);
                first = q.askedAt().isBefore(first) ? q.askedAt() : first;
                last = q.askedAt().isAfter(last) ? q.askedAt() : last;
            }
            String text = spellings.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow()
                    .getKey();
            items.add(new Item(text, terms, duplicates.size(), first, last));
        }
        return items;
    }

    private QuestionCluster describe(List<Integer> group, List<Item> items, QuestionSimilarity similarity) {
        int frequency = 0;
        for (int i : group) {
            frequency += items.get(i).count();
        }
        Map<Integer, Double> centrality = new HashMap<>();
        for (int i : group) {
            double sum = items.get(i).count() - 1.0; // its own duplicates are identical to it
            for (int j : group) {
                if (j != i) {
                    sum += items.get(j).count() * similarity.similarity(i, j);
                }
            }
            double average = frequency > 1 ? sum / (frequency - 1) : 1.0;
            centrality.put(i, Math.round(average * 1e9) / 1e9); // equal up to rounding noise is a tie
        }
        List<Integer> ranked = new ArrayList<>(group);
        ranked.sort(Comparator.<Integer>comparingDouble(centrality::get).reversed()
                .thenComparing(i -> items.get(i).count(), Comparator.reverseOrder())
                .thenComparingInt(i -> items.get(i).text().length())
                .thenComparing(i -> items.get(i).text()));
        List<String> examples = ranked.stream()
                .limit(settings.maxExamples())
                .map(i -> items.get(i).text())
                .toList();
        Instant first = group.stream().map(i -> items.get(i).first()).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = group.stream().map(i -> items.get(i).last()).max(Comparator.naturalOrder()).orElseThrow();
        return new QuestionCluster(examples.getFirst(), examples, frequency, first, last);
    }
}
