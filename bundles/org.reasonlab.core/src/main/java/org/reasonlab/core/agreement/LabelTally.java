package org.reasonlab.core.agreement;

/**
 * How many ratings of each label one record has. Reused from record to record: only the labels a
 * record used are cleared, so a tally costs the record's ratings, not the number of labels.
 */
final class LabelTally {
    private final int[] counts;
    private final int[] used;
    private int usedCount;
    private int total;

    LabelTally(int labelCount) {
        counts = new int[labelCount];
        used = new int[labelCount];
    }

    void count(RatingsMatrix.Item item) {
        for (int u = 0; u < usedCount; u++) {
            counts[used[u]] = 0;
        }
        usedCount = 0;
        total = item.ratingCount();
        for (int k = 0; k < total; k++) {
            int label = item.label(k);
            if (counts[label]++ == 0) {
                used[usedCount++] = label;
            }
        }
    }

    /** All ratings of the record. */
    int total() {
        return total;
    }

    /** How many different labels the record got. */
    int distinctLabels() {
        return usedCount;
    }

    /** The u-th different label (0 <= u < {@link #distinctLabels()}). */
    int label(int u) {
        return used[u];
    }

    /** The ratings of the u-th different label. */
    int countOf(int u) {
        return counts[used[u]];
    }

    /** Ordered pairs of ratings that agree: sum over labels of n_j (n_j - 1). */
    long agreeingPairs() {
        long sum = 0;
        for (int u = 0; u < usedCount; u++) {
            long c = counts[used[u]];
            sum += c * (c - 1);
        }
        return sum;
    }

    /** The label most ratings gave, or -1 when two or more labels tie for the most. */
    int majority() {
        int best = -1;
        int bestCount = 0;
        boolean tie = false;
        for (int u = 0; u < usedCount; u++) {
            int c = counts[used[u]];
            if (c > bestCount) {
                best = used[u];
                bestCount = c;
                tie = false;
            } else if (c == bestCount) {
                tie = true;
            }
        }
        return tie ? -1 : best;
    }
}
