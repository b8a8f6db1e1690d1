package org.reasonlab.train.training;

/**
 * Learning-rate schedules as in Hugging Face transformers: linear warm-up from 0 over
 * {@code warmupSteps}, then constant, linear decay to 0, or cosine decay to 0 at {@code totalSteps}.
 * {@link #at(long)} takes the 0-based index of the optimizer step about to be taken.
 */
public record LrSchedule(String kind, double baseLr, long warmupSteps, long totalSteps) {
    public LrSchedule {
        if (!kind.equals("constant") && !kind.equals("linear") && !kind.equals("cosine")) {
            throw new IllegalArgumentException("schedule must be constant, linear or cosine, was " + kind);
        }
    }

    public double at(long step) {
        if (step < warmupSteps) {
            return baseLr * (double) step / Math.max(1, warmupSteps);
        }
        if (kind.equals("constant")) {
            return baseLr;
        }
        double span = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (step - warmupSteps) / span);
        if (kind.equals("linear")) {
            return baseLr * Math.max(0.0, 1.0 - progress);
        }
        return baseLr * 0.5 * (1.0 + Math.cos(Math.PI * progress));
    }
}
