package org.reasonlab.core.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
import org.reasonlab.core.run.RunSpec;

/**
 * What a run's training adds to its mode, model and tuning, in a few words: the mixture's shares and the
 * counterfactual training. Runs of a sweep over ratios or lambdas differ only in this, so comparisons keep such runs
 * apart ({@code mixture self 0.75 + augmented 0.25 (tag), counterfactual gender +variants λ 0.5}); empty for a
 * plain run.
 */
public final class TrainingVariant {
    private TrainingVariant() {
    }

    public static String of(RunSpec spec) {
        List<String> parts = new ArrayList<>();
        List<MixtureSource> mixture = spec.mixture();
        if (!mixture.isEmpty()) {
            double sum = mixture.stream().mapToDouble(MixtureSource::ratio).sum();
            List<String> shares = new ArrayList<>();
            for (MixtureSource s : mixture) {
                // six decimals: two ratios of a sweep never read the same, and a share reads as typed (0.25)
                shares.add(s.name() + " " + compact(Math.round(s.ratio() / sum * 1e6) / 1e6) + mitigations(s));
            }
            parts.add("mixture " + String.join(" + ", shares)
                    + (spec.mixtureSize() == null ? "" : " of " + spec.mixtureSize()));
        }
        String attributes = spec.counterfactualAttributes();
        if (attributes != null && (spec.counterfactualAugment() || spec.consistencyWeight() > 0)) {
            String cf = "counterfactual " + attributeName(attributes);
            if (spec.counterfactualAugment()) {
                cf += " +variants";
            }
            if (spec.consistencyWeight() > 0) {
                cf += " λ " + compact(spec.consistencyWeight());
            }
            parts.add(cf);
        }
        return String.join(", ", parts);
    }

    /** A source's mitigations: {@code  (tag, weight 0.5, mask gender)}; empty for none. */
    private static String mitigations(MixtureSource s) {
        List<String> m = new ArrayList<>();
        if (s.tag()) {
            m.add("tag");
        }
        if (s.lossWeight() != 1.0) {
            m.add("weight " + compact(s.lossWeight()));
        }
        if (s.maskAttributes() != null) {
            m.add("mask " + attributeName(s.maskAttributes()));
        }
        return m.isEmpty() ? "" : " (" + String.join(", ", m) + ")";
    }

    /** A number without trailing zeros or exponent: 0.25, 1, 0.001. */
    public static String compact(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String attributeName(String attributes) {
        String a = attributes.replace('\\', '/');
        a = a.substring(a.lastIndexOf('/') + 1);
        a = a.startsWith(BuiltinAttributeSets.PREFIX) ? a.substring(BuiltinAttributeSets.PREFIX.length()) : a;
        int dot = a.lastIndexOf('.');
        return dot > 0 ? a.substring(0, dot) : a;
    }
}
