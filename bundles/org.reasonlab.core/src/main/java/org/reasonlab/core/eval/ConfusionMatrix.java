package org.reasonlab.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of gold label (rows, in label order) against predicted label (columns, in label order,
 * then one column for unparseable answers).
 */
public record ConfusionMatrix(List<String> labels, int[][] counts) {
    public static final String UNPARSEABLE = "unparseable";

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        int[][] copy = new int[labels.size()][];
        for (int i = 0; i < labels.size(); i++) {
            if (counts[i].length != labels.size() + 1) {
                throw new IllegalArgumentException("each row needs a column per label and one for unparseable");
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** The column names: the labels, then {@value #UNPARSEABLE}. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(labels);
        columns.add(UNPARSEABLE);
        return columns;
    }

    /** How often gold {@code gold} was predicted as {@code predicted} (null: unparseable). */
    public int count(String gold, String predicted) {
        int row = labels.indexOf(gold);
        int column = predicted == null ? labels.size() : labels.indexOf(predicted);
        if (row < 0 || column < 0) {
            throw new IllegalArgumentException("unknown label: " + (row < 0 ? gold : predicted));
        }
        return counts[row][column];
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && labels.equals(m.labels) && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + labels + Arrays.deepToString(counts);
    }
}
