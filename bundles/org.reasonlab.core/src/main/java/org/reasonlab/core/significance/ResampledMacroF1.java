package org.reasonlab.core.significance;

import java.util.Arrays;
import java.util.List;

/**
 * The macro-F1 of one run's predictions on a resample of the items, computed with the same formula and the same
 * floating-point operations as {@link org.reasonlab.core.eval.ClassificationMetrics#compute(List, List, List)}:
 * per label precision = tp / predicted and recall = tp / support (0 when the denominator is 0),
 * F1 = 2 P R / (P + R) (0 when P + R = 0), summed in label order and divided by the number of labels. A null
 * prediction (unparseable) counts against its gold label's recall only. The labels are encoded once so that each
 * resample costs one pass over its indices.
 */
final class ResampledMacroF1 {
    private final int[] gold;
    private final int[] predicted;
    private final int labelCount;
    private final int[] truePositives;
    private final int[] predictedAs;
    private final int[] support;

    /** Expects lists already validated by {@code ClassificationMetrics.compute}. */
    ResampledMacroF1(List<String> gold, List<String> predicted, List<String> labels) {
        labelCount = labels.size();
        this.gold = new int[gold.size()];
        this.predicted = new int[gold.size()];
        for (int i = 0; i < gold.size(); i++) {
            this.gold[i] = labels.indexOf(gold.get(i));
            String p = predicted.get(i);
            this.predicted[i] = p == null ? labelCount : labels.indexOf(p);
        }
        truePositives = new int[labelCount];
        predictedAs = new int[labelCount + 1];
        support = new int[labelCount];
    }

    /** @param indices item positions, repeats allowed; not thread-safe (reuses its count arrays) */
    double on(int[] indices) {
        Arrays.fill(truePositives, 0);
        Arrays.fill(predictedAs, 0);
        Arrays.fill(support, 0);
        for (int i : indices) {
            int g = gold[i];
            int p = predicted[i];
            support[g]++;
            predictedAs[p]++;
            if (g == p) {
                truePositives[g]++;
            }
        }
        double f1Sum = 0;
        for (int k = 0; k < labelCount; k++) {
            double precision = ratio(truePositives[k], predictedAs[k]);
            double recall = ratio(truePositives[k], support[k]);
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return f1Sum / labelCount;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
