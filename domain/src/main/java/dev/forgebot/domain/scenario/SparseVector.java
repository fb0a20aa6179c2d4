package dev.forgebot.domain.scenario;

import java.util.Map;
import java.util.TreeMap;

/** An L2-normalised sparse vector with feature ids in ascending order; dot product by merge join. */
final class SparseVector {

    static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

    private final int[] ids;
    private final double[] values;

    private SparseVector(int[] ids, double[] values) {
        this.ids = ids;
        this.values = values;
    }

    /** Normalises {@code weights} (feature id → weight) to unit length; all-zero weights give {@link #EMPTY}. */
    static SparseVector normalised(Map<Integer, Double> weights) {
        TreeMap<Integer, Double> sorted = new TreeMap<>(weights);
        double norm = 0;
        for (double w : sorted.values()) {
            norm += w * w;
        }
        if (norm == 0) {
            return EMPTY;
        }
        norm = Math.sqrt(norm);
        int[] ids = new int[sorted.size()];
        double[] values = new double[sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> e : sorted.entrySet()) {
            ids[i] = e.getKey();
            values[i] = e.getValue() / norm;
            i++;
        }
        return new SparseVector(ids, values);
    }

    /** Cosine similarity with {@code other}, since both have unit length (0 if either is empty). */
    double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < ids.length && j < other.ids.length) {
            int a = ids[i];
            int b = other.ids[j];
            if (a == b) {
                sum += values[i++] * other.values[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
