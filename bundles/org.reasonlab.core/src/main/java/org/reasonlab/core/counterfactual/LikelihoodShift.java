package org.reasonlab.core.counterfactual;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far counterfactual variants move a model's label probabilities, over pairs of a record and its variant whose
 * labels' log-likelihoods were measured for both ({@link ProbePair#labelShift()}: {@code p_variant(label) -
 * p_original(label)}, {@code p} the softmax over the labels' log-likelihoods).
 *
 * @param n the pairs with a known shift
 * @param meanAbsGoldShift the mean of {@code |p_variant(gold) - p_original(gold)|}; null when n is 0
 * @param meanGoldShift the mean of {@code p_variant(gold) - p_original(gold)} (negative: the variants make the
 *        model less sure of the gold label); null when n is 0
 * @param meanShiftByLabel per label, the mean of {@code p_variant(label) - p_original(label)}, in the labels'
 *        order; empty when n is 0
 */
public record LikelihoodShift(int n, Double meanAbsGoldShift, Double meanGoldShift,
        Map<String, Double> meanShiftByLabel) {
    public LikelihoodShift {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        meanShiftByLabel = Collections.unmodifiableMap(new LinkedHashMap<>(meanShiftByLabel));
    }

    /** The shift over the pairs that have one; the others are left out. */
    public static LikelihoodShift of(List<ProbePair> pairs) {
        int n = 0;
        double abs = 0;
        double signed = 0;
        Map<String, double[]> byLabel = new LinkedHashMap<>(); // sum, count
        for (ProbePair p : pairs) {
            Map<String, Double> shift = p.labelShift();
            Double gold = p.goldShift();
            if (shift == null || gold == null) {
                continue;
            }
            n++;
            abs += Math.abs(gold);
            signed += gold;
            shift.forEach((label, d) -> {
                double[] s = byLabel.computeIfAbsent(label, k -> new double[2]);
                s[0] += d;
                s[1]++;
            });
        }
        Map<String, Double> means = new LinkedHashMap<>();
        byLabel.forEach((label, s) -> means.put(label, s[0] / s[1]));
        return n == 0 ? new LikelihoodShift(0, null, null, Map.of())
                : new LikelihoodShift(n, abs / n, signed / n, means);
    }
}
