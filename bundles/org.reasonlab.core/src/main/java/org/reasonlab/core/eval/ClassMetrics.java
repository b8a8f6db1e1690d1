package org.reasonlab.core.eval;

/**
 * Precision, recall and F1 of one label. Each is 0, not NaN, when its denominator is 0.
 *
 * @param support how many gold labels are this label
 * @param predicted how many predictions are this label
 * @param truePositives how many of those agree
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support, int predicted,
        int truePositives) {

    static ClassMetrics of(String label, int truePositives, int predicted, int support) {
        double precision = ratio(truePositives, predicted);
        double recall = ratio(truePositives, support);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(label, precision, recall, f1, support, predicted, truePositives);
    }

    static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
