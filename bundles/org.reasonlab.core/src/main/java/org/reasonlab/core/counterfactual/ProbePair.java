package org.reasonlab.core.counterfactual;

import java.util.List;
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

    /** Whether the record was among the training records (its figures then leave the leakage-free ones). */
    public boolean leaked() {
        return original.leaked() || variant.leaked();
    }
}
