package org.reasonlab.core.compare;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.reasonlab.core.significance.MeanInterval;

/**
 * One setting in a comparison: a single run, or the runs of a group that share model, mode, tuning and training
 * variant (mixture shares, counterfactual training) and differ in their seeds (sorted by seed).
 *
 * @param name what the comparison calls it: the run's name, or {@code <group> <setting>} for a group's runs
 * @param runs its runs, at least one
 */
public record ComparisonArm(String name, List<RunResult> runs) {
    public ComparisonArm {
        Objects.requireNonNull(name, "name");
        runs = runs.stream().sorted(Comparator.comparing(RunResult::seed, Comparator.nullsLast(Long::compare)))
                .toList();
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an arm needs a run");
        }
    }

    public RunSummary first() {
        return runs.get(0).summary();
    }

    public PaperSetting paperSetting() {
        return first().paperSetting();
    }

    /** The key runs share to form one arm: setting, model, tuning and training variant (mixture, counterfactual). */
    public static String keyOf(RunSummary run) {
        return run.setting() + "|" + run.model() + "|" + run.tuning() + "|" + run.variant();
    }

    /** The seeds of the runs, null for unknown ones. */
    public List<Long> seeds() {
        return runs.stream().map(RunResult::seed).toList();
    }

    /**
     * Mean, standard deviation and 95% t-interval of a metric over the runs that measured it; null when none did.
     */
    public MeanInterval statistic(ComparisonMetric metric, boolean clean) {
        double[] values = runs.stream().map(r -> clean ? metric.cleanValue(r.summary()) : metric.value(r.summary()))
                .filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? null : MeanInterval.of95(values);
    }

    /** The run of this arm that a run with {@code seed} is paired with: the same seed, else the first run. */
    public RunResult partnerFor(Long seed) {
        return runs.stream().filter(r -> seed != null && seed.equals(r.seed())).findFirst().orElse(runs.get(0));
    }

    public boolean contains(RunResult run) {
        return runs.stream().anyMatch(r -> r.folder().equals(run.folder()));
    }
}
