package org.reasonlab.core.compare;

/** The rows of a comparison: each a share in [0, 1], shown in percent. */
public enum ComparisonMetric {
    ACCURACY("Accuracy (%)", "accuracy"),
    MACRO_F1("Macro-F1 (%)", "macroF1"),
    UNPARSEABLE_RATE("Unparseable (%)", "unparseableRate"),
    /** Parse-free: the label whose answer the model finds most likely after the prompt. */
    LIKELIHOOD_ACCURACY("Likelihood accuracy (%)", "likelihoodAccuracy"),
    /** 1 - {@code reasons.agreement} of {@code metrics.json}. */
    AUTOMATIC_MISALIGNMENT("Reason misalignment, automatic (%)", "automaticMisalignment"),
    /** Pooled human verdicts of {@code reviews.jsonl}. */
    HUMAN_MISALIGNMENT("Reason misalignment, human (%)", "humanMisalignment"),
    /** The counterfactual probe's share of pairs whose predicted label flips ({@code probe.json}). */
    LABEL_FLIPS("Counterfactual label flips (%)", "labelFlipRate"),
    /**
     * Parse-free: the share of pairs whose most likely label flips ({@code probe.json}); it measures a model whose
     * generated answers do not parse (a small or early model) too.
     */
    LIKELY_LABEL_FLIPS("Counterfactual likely-label flips (%)", "likelyLabelFlipRate");

    private final String label;
    private final String key;

    ComparisonMetric(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** The metric's name in JSON output ({@code accuracy}, {@code macroF1}, ...). */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The label of the row on the leakage-free records: {@code Accuracy, leakage-free (%)}. */
    public String cleanLabel() {
        return label.replace(" (%)", ", leakage-free (%)");
    }

    /**
     * The run's value on the leakage-free records ({@code clean} of {@code metrics.json}, and the human verdicts
     * pooled over the predictions not marked leaked); null when not measured.
     */
    public Double cleanValue(RunSummary run) {
        if (this == LABEL_FLIPS) {
            return run.labelFlipRate(true);
        }
        if (this == LIKELY_LABEL_FLIPS) {
            return run.likelyLabelFlipRate(true);
        }
        RunSummary.Figures c = run.clean();
        if (c == null) {
            return null;
        }
        return switch (this) {
            case ACCURACY -> c.accuracy();
            case MACRO_F1 -> c.macroF1();
            case UNPARSEABLE_RATE -> c.unparseableRate();
            case LIKELIHOOD_ACCURACY -> c.likelihoodAccuracy();
            case AUTOMATIC_MISALIGNMENT -> c.reasonAgreement() == null ? null : 1 - c.reasonAgreement();
            case HUMAN_MISALIGNMENT -> c.humanMisalignmentRate();
            case LABEL_FLIPS -> run.labelFlipRate(true);
            case LIKELY_LABEL_FLIPS -> run.likelyLabelFlipRate(true);
        };
    }

    /** The run's value, null when not measured. */
    public Double value(RunSummary run) {
        return switch (this) {
            case ACCURACY -> run.accuracy();
            case MACRO_F1 -> run.macroF1();
            case UNPARSEABLE_RATE -> run.unparseableRate();
            case LIKELIHOOD_ACCURACY -> run.likelihoodAccuracy();
            case AUTOMATIC_MISALIGNMENT -> run.automaticMisalignment();
            case HUMAN_MISALIGNMENT -> run.humanMisalignmentRate();
            case LABEL_FLIPS -> run.labelFlipRate(false);
            case LIKELY_LABEL_FLIPS -> run.likelyLabelFlipRate(false);
        };
    }

    /** Whether a larger value is better (accuracy, macro-F1) or worse (the rates, the label flips). */
    public boolean higherIsBetter() {
        return this == ACCURACY || this == MACRO_F1 || this == LIKELIHOOD_ACCURACY;
    }
}
