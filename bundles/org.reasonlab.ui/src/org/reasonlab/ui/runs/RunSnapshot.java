package org.reasonlab.ui.runs;

import java.util.List;
import java.util.Map;

/**
 * Everything the run page shows of a run, read in the background.
 *
 * @param info the run's row (status, numbers, message)
 * @param lossSteps the steps of the logged losses
 * @param loss the raw training losses (possibly NaN or infinite), one per step event
 * @param evalCurves per metric name, {@code [steps, values]} of the evaluation events in file order
 * @param metrics {@code metrics.json}, null when there is none (yet) or it cannot be read
 * @param settings name/value rows from {@code spec.json} (with defaults) and {@code environment.json}
 * @param problems what could not be read, for the user
 */
public record RunSnapshot(RunInfo info, double[] lossSteps, double[] loss, Map<String, double[][]> evalCurves,
        RunMetrics metrics, List<String[]> settings, List<String> problems) {
    public RunSnapshot {
        evalCurves = Map.copyOf(evalCurves);
        settings = List.copyOf(settings);
        problems = List.copyOf(problems);
    }
}
