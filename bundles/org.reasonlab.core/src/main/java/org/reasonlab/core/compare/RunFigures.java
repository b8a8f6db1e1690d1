package org.reasonlab.core.compare;

import java.util.List;
import java.util.stream.Stream;

import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.review.WilsonInterval;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.significance.BootstrapInterval;
import org.reasonlab.core.significance.PairedBootstrap;

/**
 * A run's value of a metric and its 95% interval: Wilson for the proportions (accuracy, unparseable rate,
 * likelihood accuracy, the misalignment rates, the counterfactual label flips) from the counts of its predictions,
 * reviews and probe, a percentile
 * bootstrap of its items for macro-F1.
 */
final class RunFigures {
    private RunFigures() {
    }

    static Double value(RunResult run, ComparisonMetric m, boolean clean) {
        return clean ? m.cleanValue(run.summary()) : m.value(run.summary());
    }

    /** The counts behind a proportion metric; null for the others or when the predictions are unread. */
    static Proportion counts(RunResult run, ComparisonMetric m, boolean clean) {
        if (m == ComparisonMetric.HUMAN_MISALIGNMENT) {
            MisalignmentRate r = clean ? (run.summary().clean() == null ? null
                    : run.summary().clean().humanMisalignment()) : run.summary().humanMisalignment();
            return r == null || r.reviewed() == 0 ? null : new Proportion(r.misaligned(), r.reviewed());
        }
        if (m == ComparisonMetric.LABEL_FLIPS || m == ComparisonMetric.LIKELY_LABEL_FLIPS) {
            Proportion p = m == ComparisonMetric.LABEL_FLIPS ? run.summary().labelFlips(clean)
                    : run.summary().likelyLabelFlips(clean);
            return p == null || p.n() == 0 ? null : p;
        }
        if (run.outcomes() == null) {
            return null;
        }
        return switch (m) {
            case ACCURACY -> run.outcomes().accuracy(clean);
            case AUTOMATIC_MISALIGNMENT -> run.outcomes().automaticMisalignment(clean);
            case UNPARSEABLE_RATE -> run.outcomes().unparseable(clean);
            case LIKELIHOOD_ACCURACY -> run.outcomes().likelihoodAccuracy(clean);
            default -> null;
        };
    }

    /** The percentile bootstrap interval of the run's macro-F1 on its predictions; null when there are none. */
    static BootstrapInterval macroF1(RunResult run, boolean clean, int resamples, long seed) {
        if (run.outcomes() == null) {
            return null;
        }
        List<Prediction> ps = run.outcomes().predictions().values().stream().filter(p -> !clean || !p.leaked())
                .toList();
        if (ps.isEmpty()) {
            return null;
        }
        List<String> gold = ps.stream().map(Prediction::goldLabel).toList();
        List<String> predicted = ps.stream().map(Prediction::predictedLabel).toList();
        List<String> labels = Stream.of(run.outcomes().labels(), gold, predicted).flatMap(List::stream)
                .filter(l -> l != null).distinct().toList();
        return PairedBootstrap.macroF1(gold, predicted, labels, resamples, seed);
    }

    /** {@code [low, high]} of the metric's 95% interval; null when there is none. */
    static double[] interval(RunResult run, ComparisonMetric m, boolean clean, int resamples, long seed) {
        if (m == ComparisonMetric.MACRO_F1) {
            BootstrapInterval b = macroF1(run, clean, resamples, seed);
            return b == null ? null : new double[] {b.low(), b.high()};
        }
        WilsonInterval w = wilson(run, m, clean);
        return w == null ? null : new double[] {w.low(), w.high()};
    }

    static WilsonInterval wilson(RunResult run, ComparisonMetric m, boolean clean) {
        Proportion p = counts(run, m, clean);
        return p == null ? null : p.wilson();
    }
}
