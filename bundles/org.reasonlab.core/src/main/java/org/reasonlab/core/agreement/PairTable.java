package org.reasonlab.core.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One confusion matrix per pair of annotators that labelled a record in common, filled record by
 * record. Only pairs that meet get a matrix, so many annotators with little overlap stay cheap.
 */
final class PairTable {
    private final int annotators;
    private final int labels;
    private final Map<Long, int[]> confusion = new HashMap<>();

    PairTable(int annotators, int labels) {
        this.annotators = annotators;
        this.labels = labels;
    }

    void add(RatingsMatrix.Item item) {
        int n = item.ratingCount();
        for (int k = 0; k < n; k++) {
            for (int l = k + 1; l < n; l++) {
                // item ratings are ordered by annotator, so annotator(k) < annotator(l)
                long key = (long) item.annotator(k) * annotators + item.annotator(l);
                int[] matrix = confusion.computeIfAbsent(key, x -> new int[labels * labels]);
                matrix[item.label(k) * labels + item.label(l)]++;
            }
        }
    }

    /** Every pair that shares a record, ordered by the first annotator, then the second. */
    List<PairAgreement> results(List<String> names) {
        List<Long> keys = new ArrayList<>(confusion.keySet());
        keys.sort(null);
        List<PairAgreement> result = new ArrayList<>(keys.size());
        for (long key : keys) {
            int[] matrix = confusion.get(key);
            int agreements = 0;
            int items = 0;
            for (int a = 0; a < labels; a++) {
                for (int b = 0; b < labels; b++) {
                    items += matrix[a * labels + b];
                }
                agreements += matrix[a * labels + a];
            }
            result.add(new PairAgreement(names.get((int) (key / annotators)), names.get((int) (key % annotators)),
                    items, agreements, CohenKappa.of(matrix, labels)));
        }
        return result;
    }
}
