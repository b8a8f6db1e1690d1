package org.reasonlab.core.run.folder;

import java.util.List;
import java.util.Map;

import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.run.RunMetrics;
import org.reasonlab.core.training.TrainingVariant;

/**
 * Everything a run folder says, read at one moment by {@link RunReader}.
 *
 * @param info the run's row (status, numbers, message)
 * @param tuning {@code lora} or {@code full} from the spec; null for a pre-trained evaluation or an unreadable spec
 * @param variant the spec's mixture and counterfactual training in words ({@link TrainingVariant}); empty for none,
 *        a pre-trained evaluation or an unreadable spec
 * @param lossSteps the steps of the logged losses
 * @param loss the raw training losses (possibly NaN or infinite), one per step event
 * @param evalCurves per metric name, {@code [steps, values]} of the evaluation events in file order
 * @param metrics {@code metrics.json}, null when there is none (yet) or it cannot be read
 * @param humanMisalignment pooled human verdicts over the run's predictions ({@code reviews.jsonl}); null when
 *        there are no predictions
 * @param cleanHumanMisalignment the same over the predictions not marked leaked
 * @param settings name/value rows from {@code spec.json} (with defaults) and {@code environment.json}
 * @param problems what could not be read, for the user
 * @param resultProblems the part of {@code problems} about the files the results come from ({@code spec.json},
 *        {@code metrics.json}, {@code predictions.jsonl}, {@code reviews.jsonl})
 */
public record RunSnapshot(RunInfo info, String tuning, String variant, double[] lossSteps, double[] loss,
        Map<String, double[][]> evalCurves, RunMetrics metrics, MisalignmentRate humanMisalignment,
        MisalignmentRate cleanHumanMisalignment, List<String[]> settings, List<String> problems, List<String> resultProblems) {
    public RunSnapshot {
        variant = variant == null ? "" : variant;
        evalCurves = Map.copyOf(evalCurves);
        settings = List.copyOf(settings);
        problems = List.copyOf(problems);
        resultProblems = List.copyOf(resultProblems);
    }
}
