package org.reasonlab.core.counterfactual;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.reasonlab.core.run.Prediction;

/**
 * A record's prediction and its counterfactual variant's, made the same way by the same model.
 *
 * @param original the prediction on the record as it is
 * @param variant the prediction on the variant
 * @param value the variant's attribute value ({@link Substitution.Variant#value()})
 * @param pairs the variant's substitution pairs, e.g. {@code [he→she, his→her]}
 */
public record ProbePair(Prediction original, Prediction variant, String value, List<String> pairs) {
    public ProbePair {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(variant, "variant");
        pairs = List.copyOf(pairs);
    }

    /** Whether the predicted label changed (an unparseable answer counts as a label of its own). */
    public boolean labelFlipped() {
        return !Objects.equals(original.predictedLabel(), variant.predictedLabel());
    }

    /** Whether the label the generated reasons argue for changed; null when either states none. */
    public Boolean reasonFlipped() {
        if (original.reasonVerdict() == null || variant.reasonVerdict() == null) {
            return null;
        }
        return !original.reasonVerdict().equals(variant.reasonVerdict());
    }

    /** Whether the most likely label (parse-free) changed; null when it was not measured for both. */
    public Boolean likelihoodFlipped() {
        if (original.likelihoodLabel() == null || variant.likelihoodLabel() == null) {
            return null;
        }
        return !original.likelihoodLabel().equals(variant.likelihoodLabel());
    }

    /**
     * How the variant moved the labels' probabilities: per label, {@code p_variant(label) - p_original(label)}, with
     * {@code p} the softmax over the labels' log-likelihoods ({@link Prediction#labelProbabilities()}), in the
     * original's label order. Null when the log-likelihoods were not measured for both, or name other labels.
     */
    public Map<String, Double> labelShift() {
        Map<String, Double> before = original.labelProbabilities();
        Map<String, Double> after = variant.labelProbabilities();
        if (before == null || after == null || !before.keySet().equals(after.keySet())) {
            return null;
        }
        Map<String, Double> shift = new LinkedHashMap<>();
        before.forEach((label, p) -> shift.put(label, after.get(label) - p));
        return Collections.unmodifiableMap(shift);
    }

    /**
     * The shift of the gold label's probability ({@link #labelShift()} of the original's gold label; the variant keeps
     * the record's label): negative when the variant makes the model less sure of the right answer. Null when the
     * shift is unknown or the gold label is not among the labels scored.
     */
    public Double goldShift() {
        Map<String, Double> shift = labelShift();
        return shift == null || original.goldLabel() == null ? null : shift.get(original.goldLabel());
    }

    /** Whether the record was among the training records (its figures then leave the leakage-free ones). */
    public boolean leaked() {
        return original.leaked() || variant.leaked();
    }
}
