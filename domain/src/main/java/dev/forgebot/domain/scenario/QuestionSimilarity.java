package dev.forgebot.domain.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise similarity of a batch of questions given as term lists: a blend of the cosine of their
 * TF-IDF term vectors and the cosine of their TF-IDF character-trigram vectors. The trigrams rescue
 * short questions whose words differ only by spelling, typos or joining ("darkmode", "dark mode";
 * "on prem", "on-premise"), where a single unshared term would otherwise leave them unrelated.
 * IDF is computed over the batch with smoothing, {@code ln((1 + n) / (1 + df)) + 1}, so a term
 * every question shares still weighs a little and a batch of one question works.
 */
final class QuestionSimilarity {

    private final List<SparseVector> termVectors;
    private final List<SparseVector> trigramVectors;
    private final double trigramWeight;

    private QuestionSimilarity(List<SparseVector> termVectors, List<SparseVector> trigramVectors, double trigramWeight) {
        this.termVectors = termVectors;
        this.trigramVectors = trigramVectors;
        this.trigramWeight = trigramWeight;
    }

    /**
     * @param termLists each question's terms, in a deterministic order (feature ids follow it)
     * @param trigramWeight share of the trigram cosine in the blend, within [0, 1]
     */
    static QuestionSimilarity of(List<List<String>> termLists, double trigramWeight) {
        List<List<String>> trigramLists = new ArrayList<>(termLists.size());
        for (List<String> terms : termLists) {
            trigramLists.add(trigrams(terms));
        }
        return new QuestionSimilarity(tfIdf(termLists), tfIdf(trigramLists), trigramWeight);
    }

    int size() {
        return termVectors.size();
    }

    /** Similarity of questions {@code i} and {@code j}, within [0, 1]. */
    double similarity(int i, int j) {
        double terms = termVectors.get(i).dot(termVectors.get(j));
        double trigrams = trigramVectors.get(i).dot(trigramVectors.get(j));
        return Math.min(1.0, (1 - trigramWeight) * terms + trigramWeight * trigrams);
    }

    private static List<SparseVector> tfIdf(List<List<String>> documents) {
        Map<String, Integer> ids = new HashMap<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>(documents.size());
        Map<Integer, Integer> documentFrequency = new HashMap<>();
        for (List<String> document : documents) {
            Map<Integer, Integer> count = new HashMap<>();
            for (String feature : document) {
                int id = ids.computeIfAbsent(feature, f -> ids.size());
                count.merge(id, 1, Integer::sum);
            }
            for (Integer id : count.keySet()) {
                documentFrequency.merge(id, 1, Integer::sum);
            }
            counts.add(count);
        }
        int n = documents.size();
        List<SparseVector> vectors = new ArrayList<>(n);
        for (Map<Integer, Integer> count : counts) {
            Map<Integer, Double> weights = new HashMap<>();
            for (Map.Entry<Integer, Integer> e : count.entrySet()) {
                double tf = 1 + Math.log(e.getValue());
                double idf = Math.log((1.0 + n) / (1.0 + documentFrequency.get(e.getKey()))) + 1;
                weights.put(e.getKey(), tf * idf);
            }
            vectors.add(SparseVector.normalised(weights));
        }
        return vectors;
    }

    /** Character trigrams of the terms joined by spaces and padded, so word starts and ends count. */
    static List<String> trigrams(List<String> terms) {
        String text = " " + String.join(" ", terms) + " ";
        int[] cps = text.codePoints().toArray();
        List<String> grams = new ArrayList<>(Math.max(0, cps.length - 2));
        for (int i = 0; i + 2 < cps.length; i++) {
            grams.add(new String(cps, i, 3));
        }
        return grams;
    }
}
