package org.reasonlab.core.prompt;

import java.util.Locale;
import java.util.Optional;

/** What a model is fine-tuned to answer, as compared in the DFAR paper. */
public enum TrainingMode {
    /** The answer is the label only. */
    L("l"),
    /** The answer is the label, then the reason. */
    L_PLUS_R("l+r"),
    /** The answer is the reason, then the label (a research variant: reasoning before the verdict). */
    R_THEN_L("r->l");

    private final String id;

    TrainingMode(String id) {
        this.id = id;
    }

    /** The name written to files: {@code l}, {@code l+r} or {@code r->l}. */
    public String id() {
        return id;
    }

    /** The name people see, as in the DFAR paper's table: {@code L}, {@code L+R}, {@code R->L}. */
    public String label() {
        return switch (this) {
            case L -> "L";
            case L_PLUS_R -> "L+R";
            case R_THEN_L -> "R->L";
        };
    }

    /** What the model learns to answer, for people: {@code label only}, {@code label, then reason}... */
    public String description() {
        return switch (this) {
            case L -> "label only";
            case L_PLUS_R -> "label, then reason";
            case R_THEN_L -> "reason, then label";
        };
    }

    /** Whether examples in this mode need a reason. */
    public boolean needsReason() {
        return this != L;
    }

    /**
     * Parses a mode as users write it, case-insensitive: {@code l}, {@code label}; {@code l+r},
     * {@code lr}, {@code label+reason}; {@code r->l}, {@code r→l}, {@code rl}, {@code r2l}; and the
     * enum names.
     */
    public static Optional<TrainingMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return switch (key) {
            case "l", "label", "labels", "label-only", "labelonly" -> Optional.of(L);
            case "l+r", "lr", "l_plus_r", "label+reason", "labels+reasons", "label+reasons" -> Optional.of(L_PLUS_R);
            case "r->l", "r→l", "rl", "r2l", "r_then_l", "reason+label", "reason->label" -> Optional.of(R_THEN_L);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
