package org.reasonlab.core.counterfactual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.reasonlab.core.compare.Proportion;

/**
 * What a counterfactual probe found, as {@code probe.json} holds it ({@link ProbeJson} writes and reads it): the
 * figures of a {@link ProbeReport} on all pairs and on the leakage-free ones, and the pairs whose label flipped. The
 * Runs view, the comparison and the probe editor read it; the trainer prints {@link #humanSummary()}.
 *
 * @param attributes the attribute set's name ({@code gender})
 * @param subject what was probed; its parts null when not known (older files)
 * @param records the records evaluated
 * @param withAttribute those holding a word of the attribute set
 * @param skippedAsAmbiguous those left out because a word had several possible replacements
 * @param all the figures on all pairs
 * @param clean the figures on the pairs whose record was not a training record
 * @param flipped the pairs whose predicted label flipped, on all records (each says whether it was leaked)
 */
public record ProbeResults(String attributes, Subject subject, int records, int withAttribute,
        int skippedAsAmbiguous, Figures all, Figures clean, List<Flip> flipped) {

    /**
     * What was probed.
     *
     * @param model the model as given ({@code tiny}, a folder), for a run its spec's model
     * @param run the run's id when a finished run was probed ({@code --run}), else null
     * @param dataset the dataset file
     * @param split the records evaluated: a split, {@code holdout} or {@code all}
     */
    public record Subject(String model, String run, String dataset, String split) {
        public static final Subject UNKNOWN = new Subject(null, null, null, null);
    }

    /**
     * The figures on one set of pairs.
     *
     * @param labelFlips pairs whose predicted label flips
     * @param reasonVerdictFlips pairs whose generated reasons' verdict flips, of those where both state one
     * @param likelihoodLabelFlips pairs whose most likely label flips, of those where it was measured for both
     * @param labelFlipsByValue label flips per attribute value of the variant
     * @param labelFlipsByPair label flips per substitution pair ({@code he→she})
     * @param likelihoodShift the shift of the labels' probabilities
     * @param likelihoodShiftByValue the shift per attribute value
     * @param likelihoodShiftByPair the shift per substitution pair
     */
    public record Figures(Proportion labelFlips, Proportion reasonVerdictFlips, Proportion likelihoodLabelFlips,
            Map<String, Proportion> labelFlipsByValue, Map<String, Proportion> labelFlipsByPair,
            LikelihoodShift likelihoodShift, Map<String, LikelihoodShift> likelihoodShiftByValue,
            Map<String, LikelihoodShift> likelihoodShiftByPair) {
        public Figures {
            Objects.requireNonNull(labelFlips, "labelFlips");
            Objects.requireNonNull(reasonVerdictFlips, "reasonVerdictFlips");
            Objects.requireNonNull(likelihoodLabelFlips, "likelihoodLabelFlips");
            Objects.requireNonNull(likelihoodShift, "likelihoodShift");
            labelFlipsByValue = copy(labelFlipsByValue);
            labelFlipsByPair = copy(labelFlipsByPair);
            likelihoodShiftByValue = copy(likelihoodShiftByValue);
            likelihoodShiftByPair = copy(likelihoodShiftByPair);
        }

        static Figures of(ProbeReport report, boolean clean) {
            return new Figures(report.labelFlips(clean), report.reasonFlips(clean), report.likelihoodFlips(clean),
                    report.labelFlipsByValue(clean), report.labelFlipsByPair(clean), report.likelihoodShift(clean),
                    report.likelihoodShiftByValue(clean), report.likelihoodShiftByPair(clean));
        }
    }

    /**
     * A pair whose predicted label flipped, for reading side by side.
     *
     * @param id the record's id
     * @param value the variant's attribute value
     * @param pairs its substitution pairs, comma-separated
     * @param leaked whether the record was a training record
     * @param statement the record's statement
     * @param variantStatement the variant's
     * @param label the label predicted for the record; null when unparseable
     * @param variantLabel the label predicted for the variant; null when unparseable
     * @param reason the reason generated for the record
     * @param variantReason the reason generated for the variant
     * @param goldLabel the record's label; null in older files
     * @param probabilities the labels' probabilities for the record (softmax over their log-likelihoods); null when
     *        not measured
     * @param variantProbabilities the same for the variant
     */
    public record Flip(String id, String value, String pairs, boolean leaked, String statement,
            String variantStatement, String label, String variantLabel, String reason, String variantReason,
            String goldLabel, Map<String, Double> probabilities, Map<String, Double> variantProbabilities) {
        public Flip {
            probabilities = probabilities == null ? null : copy(probabilities);
            variantProbabilities = variantProbabilities == null ? null : copy(variantProbabilities);
        }

        static Flip of(ProbePair p) {
            return new Flip(p.original().id(), p.value(), String.join(", ", p.pairs()), p.leaked(),
                    p.original().statement(), p.variant().statement(), p.original().predictedLabel(),
                    p.variant().predictedLabel(), p.original().generatedReason(), p.variant().generatedReason(),
                    p.original().goldLabel(), p.original().labelProbabilities(), p.variant().labelProbabilities());
        }

        /** {@code p_variant(gold) - p_original(gold)}; null when not measured or the gold label is unknown. */
        public Double goldShift() {
            if (goldLabel == null || probabilities == null || variantProbabilities == null
                    || !probabilities.containsKey(goldLabel) || !variantProbabilities.containsKey(goldLabel)) {
                return null;
            }
            return variantProbabilities.get(goldLabel) - probabilities.get(goldLabel);
        }
    }

    public ProbeResults {
        subject = subject == null ? Subject.UNKNOWN : subject;
        Objects.requireNonNull(all, "all");
        Objects.requireNonNull(clean, "clean");
        flipped = List.copyOf(flipped);
    }

    /** The results of a report. */
    public static ProbeResults of(ProbeReport report, String attributes, Subject subject, int records,
            int withAttribute, int skippedAsAmbiguous) {
        return new ProbeResults(attributes, subject, records, withAttribute, skippedAsAmbiguous,
                Figures.of(report, false), Figures.of(report, true),
                report.flipped(false).stream().map(Flip::of).toList());
    }

    /** The figures on all pairs, or ({@code clean}) on the leakage-free ones. */
    public Figures figures(boolean onClean) {
        return onClean ? clean : all;
    }

    /** The share of pairs whose predicted label flips; null when no pair was evaluated. */
    public Double labelFlipRate(boolean onClean) {
        return figures(onClean).labelFlips().rate();
    }

    /**
     * One line for a tool tip: {@code Counterfactual probe (gender): label flips 7.6% (5/66), leakage-free ...;
     * reason verdict flips ...; likely label flips ...; mean |Δp(gold)| 0.0310}.
     */
    public String headline() {
        StringBuilder sb = new StringBuilder("Counterfactual probe (" + attributes + "): label flips "
                + rateText(all.labelFlips()));
        if (!clean.labelFlips().equals(all.labelFlips())) {
            sb.append(", leakage-free ").append(rateText(clean.labelFlips()));
        }
        sb.append("; reason verdict flips ").append(rateText(all.reasonVerdictFlips()));
        sb.append("; likely label flips ").append(rateText(all.likelihoodLabelFlips()));
        if (all.likelihoodShift().n() > 0) {
            sb.append("; mean |\u0394p(gold)| ").append(number(all.likelihoodShift().meanAbsGoldShift()));
        }
        return sb.toString();
    }

    /**
     * The summary {@code reasonlab probe} prints: counts, the flip rates on all and on the leakage-free pairs, the
     * likelihood shift, and one line per attribute value and substitution pair.
     */
    public String humanSummary() {
        StringBuilder sb = new StringBuilder();
        line(sb, "counterfactual probe (%s): %d of %d records hold its words, %d variant(s) evaluated, %d left out as"
                + " ambiguous", attributes, withAttribute, records, all.labelFlips().n(), skippedAsAmbiguous);
        line(sb, "  %-28s %-22s %s", "", "all pairs", "leakage-free");
        line(sb, "  %-28s %-22s %s", "label flips", rateText(all.labelFlips()), rateText(clean.labelFlips()));
        line(sb, "  %-28s %-22s %s", "reason verdict flips", rateText(all.reasonVerdictFlips()),
                rateText(clean.reasonVerdictFlips()));
        line(sb, "  %-28s %-22s %s", "likely label flips", rateText(all.likelihoodLabelFlips()),
                rateText(clean.likelihoodLabelFlips()));
        line(sb, "  %-28s %-22s %s", "mean |\u0394p(gold)|", absShift(all.likelihoodShift()),
                absShift(clean.likelihoodShift()));
        line(sb, "  %-28s %-22s %s", "mean \u0394p(gold)", signedShift(all.likelihoodShift()),
                signedShift(clean.likelihoodShift()));
        Set<String> labels = new LinkedHashSet<>(all.likelihoodShift().meanShiftByLabel().keySet());
        labels.addAll(clean.likelihoodShift().meanShiftByLabel().keySet());
        for (String label : labels) {
            line(sb, "  %-28s %-22s %s", "mean \u0394p(" + label + ")",
                    signed(all.likelihoodShift().meanShiftByLabel().get(label)),
                    signed(clean.likelihoodShift().meanShiftByLabel().get(label)));
        }
        if (!all.labelFlipsByValue().isEmpty()) {
            line(sb, "  %-28s %-22s %-18s %s", "by value / substitution", "label flips", "mean |\u0394p(gold)|",
                    "mean \u0394p(gold)");
            groups(sb, all.labelFlipsByValue(), all.likelihoodShiftByValue());
            groups(sb, all.labelFlipsByPair(), all.likelihoodShiftByPair());
        }
        return sb.toString();
    }

    private static void groups(StringBuilder sb, Map<String, Proportion> flips, Map<String, LikelihoodShift> shifts) {
        flips.forEach((key, p) -> {
            LikelihoodShift s = shifts.get(key);
            line(sb, "  %-28s %-22s %-18s %s", key, rateText(p), s == null ? "n/a" : absShift(s),
                    s == null ? "n/a" : signedShift(s));
        });
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static String absShift(LikelihoodShift s) {
        return s.n() == 0 ? "n/a" : number(s.meanAbsGoldShift()) + " (" + s.n() + ")";
    }

    private static String signedShift(LikelihoodShift s) {
        return s.n() == 0 ? "n/a" : signed(s.meanGoldShift());
    }

    /** {@code 50.0% (1/2)}; {@code n/a} when n is 0. */
    public static String rateText(Proportion p) {
        return p.n() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * p.k() / p.n(), p.k(), p.n());
    }

    /** A probability or its shift with four decimals; {@code n/a} for null. */
    public static String number(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A shift with its sign ({@code +0.0123}, {@code -0.0040}); {@code n/a} for null. */
    public static String signed(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%+.4f", value);
    }

    private static <T> Map<String, T> copy(Map<String, T> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The labels of a flip's probabilities as text: {@code ethical 0.6225, unethical 0.3775}; empty when none. */
    public static String probabilitiesText(Map<String, Double> probabilities) {
        if (probabilities == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        probabilities.forEach((l, p) -> parts.add(l + " " + number(p)));
        return String.join(", ", parts);
    }
}
