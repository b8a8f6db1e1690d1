package org.reasonlab.core.run.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.reasonlab.core.counterfactual.ProbeResults;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.EvaluationProgress;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.target.RunTarget;

/**
 * One row of the Runs view: what a run folder says about its run.
 *
 * @param folder the run folder on disk
 * @param name the spec's run id, else the folder's name
 * @param state where the run stands
 * @param pretrained whether the folder is an evaluation of a pre-trained model (no {@code spec.json})
 * @param mode the training mode; null when unknown
 * @param model the model, null when unknown
 * @param dataset the dataset as the spec (or {@code metrics.json}) names it; null when unknown
 * @param accuracy from {@code metrics.json}, else the last evaluation event's; null when none
 * @param misalignment the human misalignment rate when reasons were reviewed, else the automatic one
 *        (1 - reasons.agreement); null when neither is known
 * @param misalignmentAutomatic whether {@code misalignment} is the automatic rate
 * @param durationSeconds the run's duration (so far, while running); null when unknown
 * @param lastStep the last optimizer step logged, null before the first
 * @param totalSteps the planned optimizer steps, null when unknown
 * @param message why the run failed or crashed, null otherwise
 * @param problems what could not be read (skipped event lines, unreadable files)
 * @param cleanAccuracy the accuracy on the leakage-free records, from {@code metrics.json} else the last evaluation
 *        event's; null when none
 * @param cleanMisalignment the misalignment rate on the leakage-free records (human or automatic as
 *        {@code misalignment}); null when not measured
 * @param evaluation how far the evaluation after training (or alone) has got while it runs; null otherwise
 * @param remote where the run executes when not on this machine ({@code target.json}), else null
 * @param probe the counterfactual probe of the run's model ({@code probe.json}), null when there is none or it
 *        cannot be read
 */
public record RunInfo(Path folder, String name, RunState state, boolean pretrained, TrainingMode mode,
        String model, String dataset, Double accuracy, Double misalignment, boolean misalignmentAutomatic,
        Double durationSeconds, Long lastStep, Integer totalSteps, String message, List<String> problems,
        Double cleanAccuracy, Double cleanMisalignment, EvaluationProgress evaluation, RunTarget remote,
        ProbeResults probe) {

    public RunInfo {
        problems = List.copyOf(problems);
    }

    /** Whether the run has generated answers to browse and review ({@code predictions.jsonl}). */
    public boolean hasPredictions() {
        return Files.isRegularFile(folder.resolve(RunDirectory.PREDICTIONS));
    }

    /** The status column: the state, with progress while running. */
    public String statusText() {
        if (remote != null && remote.job() != null && (state == RunState.RUNNING || state == RunState.UNKNOWN)
                && remote.job().isPending()) {
            return remote.cancelRequested() != null ? "cancelling (" + remote.job().text() + ")" : remote.job().text();
        }
        if (remote != null && remote.cancelRequested() != null && state == RunState.RUNNING) {
            return "cancelling";
        }
        if (state == RunState.RUNNING && evaluation != null) {
            return "evaluating (" + evaluation.records() + ")";
        }
        if (state == RunState.RUNNING && lastStep != null) {
            return totalSteps == null ? "running (step " + lastStep + ")"
                    : "running (step " + lastStep + "/" + totalSteps + ")";
        }
        if (state == RunState.UNKNOWN) {
            return pretrained ? "evaluated" : "not started";
        }
        return state.label();
    }

    /** The Target column: {@code local}, or {@code lab-cluster · job 1234}. */
    public String targetText() {
        if (remote == null) {
            return "local";
        }
        if (remote.jobId() != null) {
            return remote.target() + " \u00b7 job " + remote.jobId();
        }
        return remote.pid() == null ? remote.target() : remote.target() + " \u00b7 pid " + remote.pid();
    }

    public String modeText() {
        if (pretrained) {
            return mode == null ? "pre-trained" : "pre-trained (" + mode.id() + ")";
        }
        return mode == null ? "" : mode.id();
    }

    public String accuracyText() {
        return percent(accuracy);
    }

    /** The accuracy on the leakage-free records; empty when not measured. */
    public String cleanAccuracyText() {
        return percent(cleanAccuracy);
    }

    /** The rate, with {@code (auto)} when it is the automatic one. */
    public String misalignmentText() {
        if (misalignment == null) {
            return "";
        }
        return percent(misalignment) + (misalignmentAutomatic ? " (auto)" : "");
    }

    /**
     * The Label flips column: the share of counterfactual pairs whose predicted label flipped ({@code 7.6%}),
     * {@code n/a} when the probe had no pairs, empty without a probe.
     */
    public String labelFlipsText() {
        if (probe == null) {
            return "";
        }
        Double rate = probe.labelFlipRate(false);
        return rate == null ? "n/a" : percent(rate);
    }

    /** What the probe found, for a tool tip ({@link ProbeResults#headline()}); null without a probe. */
    public String probeText() {
        return probe == null ? null : probe.headline();
    }

    public String durationText() {
        return duration(durationSeconds);
    }

    /** A share in percent with one decimal ({@code 75.0%}); empty for null. */
    public static String percent(Double value) {
        if (value == null) {
            return "";
        }
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    /** Seconds for people: {@code 42 s}, {@code 3 min 05 s}, {@code 2 h 10 min}; empty for null. */
    public static String duration(Double seconds) {
        if (seconds == null || !Double.isFinite(seconds) || seconds < 0) {
            return "";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
