package org.reasonlab.core.compare;

/**
 * A run of a compared arm against the baseline run it is paired with, on all records and on the leakage-free ones.
 *
 * @param run the run
 * @param arm the arm it belongs to
 * @param baseline the baseline arm's run with the same seed, else the baseline arm's first run
 * @param all on the items both runs evaluated; null when either run has no readable predictions
 * @param clean on those of them neither run marks leaked; null as {@code all}
 */
public record RunComparison(RunResult run, ComparisonArm arm, RunResult baseline, PairedFigures all,
        PairedFigures clean) {

    public PairedFigures figures(boolean onClean) {
        return onClean ? clean : all;
    }
}
