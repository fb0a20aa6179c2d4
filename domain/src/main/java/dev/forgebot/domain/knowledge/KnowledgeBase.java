package dev.forgebot.domain.knowledge;

import dev.forgebot.domain.text.Tokenizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * An immutable snapshot of the knowledge base with an inverted index for ranked search.
 *
 * <p>Ranking is BM25F: a term's occurrences in the title, the tags and the body are weighted
 * (title highest), normalised by each field's length, summed, and then saturated once. Each query
 * term's contribution is divided by the most it could ever contribute ({@code idf × (k1 + 1)}), and
 * the sum by the sum of the query terms' maxima, so a {@linkplain ScoredArticle#score() score} lies
 * in [0, 1] and means the same for every query: 1 is an article that matches every query term
 * strongly, 0 one that matches none. A query term found in no article still counts in the
 * denominator with the (high) idf of an unseen term, so a question made mostly of words the base
 * never uses scores low. A query word absent from the base that is one edit away from a word the
 * base uses (a typo) counts as that word at a discount.
 *
 * <p>Built once by {@link #of(Collection)}; never changes afterwards. Thread-safe: it is immutable,
 * and {@link #search(String, int)} keeps its working state on the calling thread, so one instance is
 * shared by every handler and replaced as a whole on reload.
 */
public final class KnowledgeBase {

    /**
     * The score at or above which the top hit is good enough to answer with. Chosen by
     * {@code AnswerThresholdCalibrationTest} as the F1-maximising threshold on the tuning half of a
     * labelled set of answerable and unanswerable customer questions, and checked on the other half.
     */
    public static final double DEFAULT_ANSWER_THRESHOLD = 0.28;

    // BM25F parameters. Title and tags say what an article is about; the body says a lot besides.
    // The F1 on the labelled questions is flat across k1 0.5..2 and title weight 2..8 (within one
    // question), so these are the conventional k1 and b with the title clearly above the tags.
    static final double K1 = 1.2;
    static final double TITLE_WEIGHT = 5.0;
    static final double TAGS_WEIGHT = 2.0;
    static final double BODY_WEIGHT = 1.0;
    static final double TITLE_B = 0.5;
    static final double TAGS_B = 0.3;
    static final double BODY_B = 0.75;
    /** A typo-corrected term counts for this share of the term it was corrected to. */
    static final double FUZZY_WEIGHT = 0.8;
    /** Shortest unknown term that is corrected: shorter words are too often one edit from another. */
    static final int FUZZY_MIN_LENGTH = 5;

    private static final KnowledgeBase EMPTY = new KnowledgeBase(List.of());

    /** Articles sorted by id: an article's index is its rank in tie-breaking. */
    private final List<Article> articles;
    private final Map<ArticleId, Article> byId;
    private final Map<String, Postings> index;
    /** Single-deletion variants of indexed terms to those terms, for typo correction. */
    private final Map<String, String[]> deletions;
    private final double unseenIdf;

    private KnowledgeBase(Collection<Article> source) {
        List<Article> sorted = new ArrayList<>(source.size());
        Map<ArticleId, Article> ids = new HashMap<>();
        for (Article article : source) {
            Objects.requireNonNull(article, "article");
            if (ids.putIfAbsent(article.id(), article) != null) {
                throw new IllegalArgumentException("duplicate article id: " + article.id().value());
            }
            sorted.add(article);
        }
        sorted.sort(Comparator.comparing(Article::id));
        this.articles = List.copyOf(sorted);
        this.byId = Map.copyOf(ids);
        this.index = buildIndex(articles);
        this.deletions = buildDeletions(index.keySet());
        this.unseenIdf = idf(articles.size(), 0);
    }

    /**
     * Builds a snapshot of {@code articles}. Two articles with identical content but different ids
     * are both kept.
     *
     * @param articles the articles, in any order
     * @return the snapshot
     * @throws IllegalArgumentException if two articles share an id (the message names it)
     */
    public static KnowledgeBase of(Collection<Article> articles) {
        Objects.requireNonNull(articles, "articles");
        return articles.isEmpty() ? EMPTY : new KnowledgeBase(articles);
    }

    /**
     * Returns the knowledge base with no articles; every search on it finds nothing.
     *
     * @return the empty knowledge base
     */
    public static KnowledgeBase empty() {
        return EMPTY;
    }

    /**
     * Returns the number of articles.
     *
     * @return the number of articles
     */
    public int size() {
        return articles.size();
    }

    /**
     * Returns every article, ordered by id.
     *
     * @return the immutable list of articles
     */
    public List<Article> articles() {
        return articles;
    }

    /**
     * Finds an article by id.
     *
     * @param id the id
     * @return the article, or empty when the base has none with that id
     */
    public Optional<Article> find(ArticleId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Ranks the articles that match {@code query}.
     *
     * @param query any customer text; one with no searchable words (empty, blank, emoji only)
     *              finds nothing
     * @param limit the most hits to return; positive
     * @return at most {@code limit} hits with a positive score, best first; equal scores are
     *         ordered by article id
     * @throws IllegalArgumentException if {@code limit} is not positive
     * @throws NullPointerException     if {@code query} is null
     */
    public List<ScoredArticle> search(String query, int limit) {
        Objects.requireNonNull(query, "query");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (articles.isEmpty()) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>(Tokenizer.terms(query));
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Postings> matched = new ArrayList<>(terms.size());
        List<Double> weights = new ArrayList<>(terms.size());
        double maximum = 0.0;
        for (String term : terms) {
            Postings postings = index.get(term);
            if (postings != null) {
                matched.add(postings);
                weights.add(postings.idf);
                maximum += postings.idf;
                continue;
            }
            Postings corrected = correct(term);
            if (corrected != null && !terms.contains(corrected.term)) {
                matched.add(corrected);
                weights.add(corrected.idf * FUZZY_WEIGHT);
                maximum += corrected.idf;
            } else {
                maximum += unseenIdf;
            }
        }
        if (matched.isEmpty()) {
            return List.of();
        }
        return rank(matched, weights, maximum, limit);
    }

    /** Merges the postings in document order, scoring each document once, and keeps the best. */
    private List<ScoredArticle> rank(List<Postings> matched, List<Double> weights, double maximum, int limit) {
        int k = matched.size();
        int[] cursor = new int[k];
        double[] weight = new double[k];
        for (int i = 0; i < k; i++) {
            weight[i] = weights.get(i);
        }
        // A binary heap of term indexes, keyed by the document each term's cursor points at.
        int[] heap = new int[k];
        int heapSize = 0;
        for (int i = 0; i < k; i++) {
            heapSize = push(heap, heapSize, i, matched, cursor);
        }
        Comparator<Hit> worstFirst = Comparator.comparingDouble(Hit::score).thenComparing(Hit::doc, Comparator.reverseOrder());
        PriorityQueue<Hit> best = new PriorityQueue<>(Math.min(limit, 64) + 1, worstFirst);
        while (heapSize > 0) {
            int doc = docAt(heap[0], matched, cursor);
            double sum = 0.0;
            while (heapSize > 0 && docAt(heap[0], matched, cursor) == doc) {
                int t = heap[0];
                sum += weight[t] * matched.get(t).saturation[cursor[t]];
                cursor[t]++;
                heapSize = pop(heap, heapSize, matched, cursor);
                heapSize = push(heap, heapSize, t, matched, cursor);
            }
            double score = Math.min(1.0, sum / maximum);
            if (best.size() < limit) {
                best.add(new Hit(doc, score));
            } else if (worstFirst.compare(new Hit(doc, score), best.peek()) > 0) {
                best.poll();
                best.add(new Hit(doc, score));
            }
        }
        ScoredArticle[] ranked = new ScoredArticle[best.size()];
        for (int i = ranked.length - 1; i >= 0; i--) {
            Hit hit = best.poll();
            ranked[i] = new ScoredArticle(articles.get(hit.doc), hit.score);
        }
        return List.of(ranked);
    }

    private static int docAt(int term, List<Postings> matched, int[] cursor) {
        int[] docs = matched.get(term).docs;
        return cursor[term] < docs.length ? docs[cursor[term]] : Integer.MAX_VALUE;
    }

    /** Adds term {@code t} to the heap unless its postings are exhausted; returns the new size. */
    private static int push(int[] heap, int size, int t, List<Postings> matched, int[] cursor) {
        int doc = docAt(t, matched, cursor);
        if (doc == Integer.MAX_VALUE) {
            return size;
        }
        int i = size;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (docAt(heap[parent], matched, cursor) <= doc) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = t;
        return size + 1;
    }

    /** Removes the heap's root; returns the new size. */
    private static int pop(int[] heap, int size, List<Postings> matched, int[] cursor) {
        int last = heap[--size];
        int lastDoc = docAt(last, matched, cursor);
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && docAt(heap[child + 1], matched, cursor) < docAt(heap[child], matched, cursor)) {
                child++;
            }
            if (docAt(heap[child], matched, cursor) >= lastDoc) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (size > 0) {
            heap[i] = last;
        }
        return size;
    }

    /** The indexed term one edit away from {@code term} that most articles use, or null. */
    private Postings correct(String term) {
        if (term.length() < FUZZY_MIN_LENGTH || !isAsciiLetters(term)) {
            return null;
        }
        Postings best = better(null, deletions.get(term));
        for (int i = 0; i < term.length(); i++) {
            String deleted = deleteAt(term, i);
            best = better(best, deletions.get(deleted));
            if (index.containsKey(deleted)) {
                best = better(best, new String[] {deleted});
            }
        }
        return best;
    }

    private Postings better(Postings best, String[] candidates) {
        if (candidates == null) {
            return best;
        }
        for (String candidate : candidates) {
            Postings postings = index.get(candidate);
            if (best == null || postings.docs.length > best.docs.length
                    || (postings.docs.length == best.docs.length && postings.term.compareTo(best.term) < 0)) {
                best = postings;
            }
        }
        return best;
    }

    private static Map<String, Postings> buildIndex(List<Article> articles) {
        int n = articles.size();
        List<Map<String, int[]>> frequencies = new ArrayList<>(n);
        int[][] lengths = new int[n][3];
        double[] totals = new double[3];
        for (int doc = 0; doc < n; doc++) {
            Article article = articles.get(doc);
            Map<String, int[]> tf = new HashMap<>();
            lengths[doc][0] = count(Tokenizer.terms(article.title()), 0, tf);
            lengths[doc][1] = count(Tokenizer.terms(String.join(" , ", article.tags())), 1, tf);
            lengths[doc][2] = count(Tokenizer.terms(article.body()), 2, tf);
            frequencies.add(tf);
            for (int f = 0; f < 3; f++) {
                totals[f] += lengths[doc][f];
            }
        }
        double[] average = new double[3];
        for (int f = 0; f < 3; f++) {
            average[f] = n == 0 || totals[f] == 0 ? 1.0 : totals[f] / n;
        }
        double[] weights = {TITLE_WEIGHT, TAGS_WEIGHT, BODY_WEIGHT};
        double[] bs = {TITLE_B, TAGS_B, BODY_B};
        Map<String, List<double[]>> lists = new HashMap<>();
        for (int doc = 0; doc < n; doc++) {
            for (Map.Entry<String, int[]> entry : frequencies.get(doc).entrySet()) {
                double pseudo = 0.0;
                for (int f = 0; f < 3; f++) {
                    int tf = entry.getValue()[f];
                    if (tf > 0) {
                        pseudo += weights[f] * tf / (1.0 - bs[f] + bs[f] * lengths[doc][f] / average[f]);
                    }
                }
                lists.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(new double[] {doc, pseudo / (pseudo + K1)});
            }
        }
        Map<String, Postings> index = new HashMap<>(lists.size() * 2);
        for (Map.Entry<String, List<double[]>> entry : lists.entrySet()) {
            List<double[]> list = entry.getValue();
            int[] docs = new int[list.size()];
            double[] saturation = new double[list.size()];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = (int) list.get(i)[0];
                saturation[i] = list.get(i)[1];
            }
            index.put(entry.getKey(), new Postings(entry.getKey(), docs, saturation, idf(n, docs.length)));
        }
        return Map.copyOf(index);
    }

    private static int count(List<String> terms, int field, Map<String, int[]> tf) {
        for (String term : terms) {
            tf.computeIfAbsent(term, key -> new int[3])[field]++;
        }
        return terms.size();
    }

    private static Map<String, String[]> buildDeletions(Set<String> vocabulary) {
        Map<String, Set<String>> variants = new HashMap<>();
        for (String term : vocabulary) {
            if (term.length() < FUZZY_MIN_LENGTH - 1 || !isAsciiLetters(term)) {
                continue;
            }
            for (int i = 0; i < term.length(); i++) {
                variants.computeIfAbsent(deleteAt(term, i), key -> new LinkedHashSet<>()).add(term);
            }
        }
        Map<String, String[]> deletions = new HashMap<>(variants.size() * 2);
        variants.forEach((variant, terms) -> deletions.put(variant, terms.toArray(String[]::new)));
        return Map.copyOf(deletions);
    }

    private static String deleteAt(String term, int i) {
        return term.substring(0, i) + term.substring(i + 1);
    }

    private static boolean isAsciiLetters(String term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /** BM25's idf, always positive; for {@code df = 0} the idf of a term no article uses. */
    private static double idf(int n, int df) {
        return Math.log(1.0 + (n - df + 0.5) / (df + 0.5));
    }

    /** A term's postings: documents in ascending order and each one's saturated, normalised frequency. */
    private record Postings(String term, int[] docs, double[] saturation, double idf) {
    }

    private record Hit(int doc, double score) {
    }
}
