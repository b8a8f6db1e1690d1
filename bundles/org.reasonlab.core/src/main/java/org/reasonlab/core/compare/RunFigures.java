package org.reasonlab.core.compare;

import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.review.WilsonInterval;

/** A run's value of a metric and, for accuracy and the misalignment rates, its 95% Wilson interval. */
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
        if (run.outcomes() == null) {
            return null;
        }
        return switch (m) {
            case ACCURACY -> run.outcomes().accuracy(clean);
            case AUTOMATIC_MISALIGNMENT -> run.outcomes().automaticMisalignment(clean);
            default -> null;
        };
    }

    static WilsonInterval wilson(RunResult run, ComparisonMetric m, boolean clean) {
        Proportion p = counts(run, m, clean);
        return p == null ? null : p.wilson();
    }
}
