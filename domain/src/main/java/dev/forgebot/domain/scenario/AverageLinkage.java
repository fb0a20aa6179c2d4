package dev.forgebot.domain.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative clustering with weighted average linkage (UPGMA), cut at a similarity threshold,
 * computed with the nearest-neighbour-chain algorithm: O(n²) time and one n(n-1)/2 float matrix.
 *
 * <p>Average linkage is reducible (a merged group is never more similar to a third group than the
 * closer of its parts), so reciprocal nearest neighbours can be merged in any order and the result
 * equals the classic greedy "merge the most similar pair" procedure. For the same reason a group
 * whose best similarity falls under the threshold can never again reach it, and is set aside.
 * Ties go to the lower index, so the result depends only on the order of the items.
 */
final class AverageLinkage {

    private AverageLinkage() {
    }

    /**
     * @param similarity pairwise similarities of the items
     * @param weights how many questions each item stands for (its duplicates)
     * @param threshold groups merge while their average similarity is at least this
     * @return the groups as lists of item indexes, each ascending, groups ordered by first index
     */
    static List<List<Integer>> cluster(QuestionSimilarity similarity, int[] weights, double threshold) {
        int n = similarity.size();
        float[] matrix = new float[n * (n - 1) / 2];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                matrix[index(n, i, j)] = (float) similarity.similarity(i, j);
            }
        }
        long[] size = new long[n];
        int[] parent = new int[n];
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            size[i] = weights[i];
            parent[i] = i;
            active[i] = true;
        }
        float cut = (float) threshold;
        int[] chain = new int[n];
        int depth = 0;
        int nextStart = 0;
        while (true) {
            if (depth == 0) {
                while (nextStart < n && !active[nextStart]) {
                    nextStart++;
                }
                if (nextStart == n) {
                    break;
                }
                chain[depth++] = nextStart;
            }
            int a = chain[depth - 1];
            int previous = depth > 1 ? chain[depth - 2] : -1;
            int best = previous;
            float bestSimilarity = previous >= 0 ? matrix[index(n, a, previous)] : Float.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (k == a || !active[k]) {
                    continue;
                }
                float s = matrix[index(n, a, k)];
                if (s > bestSimilarity) {
                    best = k;
                    bestSimilarity = s;
                }
            }
            if (best < 0 || bestSimilarity < cut) {
                active[a] = false; // no merge at or above the threshold is left for it
                depth--;
            } else if (best == previous) {
                depth -= 2;
                int keep = Math.min(a, best);
                int gone = Math.max(a, best);
                for (int k = 0; k < n; k++) {
                    if (active[k] && k != keep && k != gone) {
                        double merged = (size[keep] * (double) matrix[index(n, keep, k)]
                                + size[gone] * (double) matrix[index(n, gone, k)]) / (size[keep] + size[gone]);
                        matrix[index(n, keep, k)] = (float) merged;
                    }
                }
                size[keep] += size[gone];
                active[gone] = false;
                parent[gone] = keep;
            } else {
                chain[depth++] = best;
            }
        }
        return groups(parent);
    }

    private static List<List<Integer>> groups(int[] parent) {
        int n = parent.length;
        List<List<Integer>> byRoot = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byRoot.add(null);
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int root = i;
            while (parent[root] != root) {
                root = parent[root];
            }
            List<Integer> group = byRoot.get(root);
            if (group == null) {
                group = new ArrayList<>();
                byRoot.set(root, group);
                groups.add(group);
            }
            group.add(i);
        }
        return groups;
    }

    private static int index(int n, int i, int j) {
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        return lo * n - lo * (lo + 1) / 2 + (hi - lo - 1);
    }
}
