package org.reasonlab.core.compare;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One run in a statistical comparison: its summary ({@code metrics.json}, reviews) and its item-level outcomes.
 *
 * @param summary what the comparison table shows
 * @param outcomes the predictions item by item; null when they cannot be read (then {@code problem} says why)
 * @param problem why there are no outcomes, else null
 */
public record RunResult(RunSummary summary, RunOutcomes outcomes, String problem) {
    public static RunResult read(Path folder) {
        RunSummary summary = RunSummary.read(folder);
        try {
            return new RunResult(summary, RunOutcomes.read(folder), null);
        } catch (IOException | RuntimeException e) {
            return new RunResult(summary, null, e.getMessage());
        }
    }

    public String name() {
        return summary.name();
    }

    public Path folder() {
        return summary.folder();
    }

    /** The spec's seed, null when unknown. */
    public Long seed() {
        return outcomes == null ? null : outcomes.seed();
    }
}
