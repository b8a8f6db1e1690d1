package org.reasonlab.core.compare;

import org.reasonlab.core.prompt.TrainingMode;

/** The rows of the DFAR paper's table, in its order: the pre-trained model, then L, L+R and R->L fine-tuning. */
public enum PaperSetting {
    PRE_TRAINED("pre-trained"),
    L(TrainingMode.L.label()),
    L_PLUS_R(TrainingMode.L_PLUS_R.label()),
    R_THEN_L(TrainingMode.R_THEN_L.label()),
    /** A fine-tuning run whose mode is not known. */
    UNKNOWN("?");

    private final String label;

    PaperSetting(String label) {
        this.label = label;
    }

    /** A pre-trained evaluation, or the run's mode. */
    public static PaperSetting of(boolean pretrained, TrainingMode mode) {
        if (pretrained) {
            return PRE_TRAINED;
        }
        if (mode == null) {
            return UNKNOWN;
        }
        return switch (mode) {
            case L -> L;
            case L_PLUS_R -> L_PLUS_R;
            case R_THEN_L -> R_THEN_L;
        };
    }

    /** The row name: {@code pre-trained}, {@code L}, {@code L+R}, {@code R->L}, {@code ?}. */
    public String label() {
        return label;
    }
}
