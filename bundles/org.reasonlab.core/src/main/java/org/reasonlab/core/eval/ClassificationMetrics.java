package org.reasonlab.core.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well predicted labels match gold labels.
 * <p>
 * An unparseable answer (a null prediction) counts as wrong: it lowers accuracy and the recall of
 * its gold label, and no label's precision. Ratios with a zero denominator are 0, never NaN
 * (scikit-learn's {@code zero_division=0}), so an empty evaluation has accuracy 0; macro-F1
 * averages over every label given, including labels that never occur.
 *
 * @param total how many predictions
 * @param correct how many equal their gold label
 * @param accuracy correct / total
 * @param unparseable how many predictions are null
 * @param perClass the metrics of each label, in label order
 * @param macroF1 the unweighted mean of the labels' F1
 */
public record ClassificationMetrics(int total, int correct, double accuracy, int unparseable,
        Map<String, ClassMetrics> perClass, double macroF1, ConfusionMatrix confusion) {

    public ClassificationMetrics {
        perClass = Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
    }

    /**
     * @param gold the gold labels, each one of {@code labels}
     * @param predicted the predicted labels at the same positions, each one of {@code labels} or null for unparseable
     * @param labels the labels, in the order for the report
     * @throws IllegalArgumentException when the lists differ in length or hold a label not in {@code labels}
     */
    public static ClassificationMetrics compute(List<String> gold, List<String> predicted, List<String> labels) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold labels but " + predicted.size() + " predictions");
        }
        if (labels.isEmpty() || labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels must be given, each once: " + labels);
        }
        int n = labels.size();
        int[][] counts = new int[n][n + 1];
        int correct = 0;
        int unparseable = 0;
        for (int i = 0; i < gold.size(); i++) {
            int row = index(labels, gold.get(i), "gold");
            String p = predicted.get(i);
            int column = p == null ? n : index(labels, p, "predicted");
            counts[row][column]++;
            if (p == null) {
                unparseable++;
            } else if (row == column) {
                correct++;
            }
        }
        Map<String, ClassMetrics> perClass = new LinkedHashMap<>();
        double f1Sum = 0;
        for (int k = 0; k < n; k++) {
            int support = 0;
            for (int c = 0; c <= n; c++) {
                support += counts[k][c];
            }
            int predictedAs = 0;
            for (int r = 0; r < n; r++) {
                predictedAs += counts[r][k];
            }
            ClassMetrics m = ClassMetrics.of(labels.get(k), counts[k][k], predictedAs, support);
            perClass.put(labels.get(k), m);
            f1Sum += m.f1();
        }
        return new ClassificationMetrics(gold.size(), correct, ClassMetrics.ratio(correct, gold.size()), unparseable,
                perClass, f1Sum / n, new ConfusionMatrix(labels, counts));
    }

    private static int index(List<String> labels, String label, String what) {
        int i = label == null ? -1 : labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException(what + " label '" + label + "' is not one of " + labels);
        }
        return i;
    }
}
