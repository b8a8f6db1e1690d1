package org.reasonlab.core.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.counterfactual.ProbeResults;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunMetrics;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunSnapshot;

/**
 * The numbers of one run that a comparison shows, taken from what {@link RunReader} read of its folder. A folder
 * with {@code spec.json} is a fine-tuning run (its mode, model and tuning come from the spec); one without is an
 * evaluation of the pre-trained model as {@code EvalMain --out} writes it ({@code metrics.json} carries
 * {@code model} and {@code mode}). Missing or unreadable files leave their numbers null and are listed in
 * {@code problems}.
 *
 * @param name the spec's runId, else the folder's name
 * @param folder the run folder
 * @param pretrained whether there is no {@code spec.json}
 * @param mode the training mode; null when unknown
 * @param model the model folder or name, null when unknown
 * @param tuning {@code lora} or {@code full}; null for a pre-trained evaluation
 * @param variant the mixture and counterfactual training in words, empty for none ({@link RunSnapshot#variant})
 * @param accuracy {@code metrics.json} accuracy
 * @param macroF1 {@code metrics.json} macroF1
 * @param unparseableRate {@code metrics.json} unparseableRate
 * @param likelihoodAccuracy {@code metrics.json} likelihoodAccuracy (parse-free: the label whose answer the model
 *        finds most likely); null when not measured
 * @param reasonAgreement {@code metrics.json} reasons.agreement (null when no reason was judged)
 * @param humanMisalignment pooled human misalignment over the run's predictions ({@code reviews.jsonl}); null
 *        when there is no predictions file
 * @param problems what could not be read
 * @param clean the figures of {@code metrics.json} on the leakage-free records; null when the file has none
 * @param probe the counterfactual probe of the run's model ({@code probe.json}); null when there is none
 */
public record RunSummary(String name, Path folder, boolean pretrained, TrainingMode mode, String model, String tuning,
        String variant,
        Double accuracy, Double macroF1, Double unparseableRate, Double likelihoodAccuracy, Double reasonAgreement,
        MisalignmentRate humanMisalignment, List<String> problems, Figures clean, ProbeResults probe) {

    /**
     * The figures of {@code metrics.json} on one set of records, and the pooled human verdicts on its
     * predictions (null when there are none).
     */
    public record Figures(Double accuracy, Double macroF1, Double unparseableRate, Double likelihoodAccuracy,
            Double reasonAgreement, MisalignmentRate humanMisalignment) {
        static Figures of(RunMetrics m, MisalignmentRate human) {
            return m == null ? null : new Figures(m.accuracy(), m.macroF1(), m.unparseableRate(),
                    m.likelihoodAccuracy(), m.reasonAgreement(), human);
        }

        /** The human misalignment rate on these records, null when none was reviewed. */
        public Double humanMisalignmentRate() {
            return humanMisalignment == null || humanMisalignment.reviewed() == 0 ? null : humanMisalignment.rate();
        }
    }

    public RunSummary {
        problems = List.copyOf(problems);
    }

    /** Reads the run folder once. */
    public static RunSummary read(Path folder) {
        return of(RunReader.readOnce(folder));
    }

    /** The summary of what was read; reads nothing again. */
    public static RunSummary of(RunSnapshot snapshot) {
        RunInfo info = snapshot.info();
        RunMetrics m = snapshot.metrics();
        List<String> problems = new ArrayList<>(snapshot.resultProblems());
        if (m == null && !Files.exists(new RunDirectory(info.folder()).metricsFile())) {
            problems.add(RunDirectory.METRICS + ": missing");
        }
        return new RunSummary(info.name(), info.folder(), info.pretrained(), info.mode(), info.model(),
                snapshot.tuning(), snapshot.variant(), m == null ? null : m.accuracy(), m == null ? null : m.macroF1(),
                m == null ? null : m.unparseableRate(), m == null ? null : m.likelihoodAccuracy(),
                m == null ? null : m.reasonAgreement(), snapshot.humanMisalignment(), problems,
                m == null ? null : Figures.of(m.clean(), snapshot.cleanHumanMisalignment()), info.probe());
    }

    /**
     * The counterfactual probe's label flip rate ({@code probe.json}) on all pairs or ({@code clean}) on those whose
     * record was not a training record; null when the run was not probed or the probe had no such pairs.
     */
    public Double labelFlipRate(boolean onClean) {
        return probe == null ? null : probe.labelFlipRate(onClean);
    }

    /** The counts behind {@link #labelFlipRate}; null when the run was not probed. */
    public Proportion labelFlips(boolean onClean) {
        return probe == null ? null : probe.figures(onClean).labelFlips();
    }

    /** The probe's share of pairs whose most likely label flips; null when not probed or not measured. */
    public Double likelyLabelFlipRate(boolean onClean) {
        Proportion p = likelyLabelFlips(onClean);
        return p == null ? null : p.rate();
    }

    /** The counts behind {@link #likelyLabelFlipRate}; null when the run was not probed. */
    public Proportion likelyLabelFlips(boolean onClean) {
        return probe == null ? null : probe.figures(onClean).likelihoodLabelFlips();
    }

    /** 1 - reasons.agreement: the automatic label–reason misalignment; null when not measured. */
    public Double automaticMisalignment() {
        return reasonAgreement == null ? null : 1 - reasonAgreement;
    }

    /** The human misalignment rate, null when no prediction was reviewed. */
    public Double humanMisalignmentRate() {
        return humanMisalignment == null || humanMisalignment.reviewed() == 0 ? null : humanMisalignment.rate();
    }

    /** The run's row in the paper's table. */
    public PaperSetting paperSetting() {
        return PaperSetting.of(pretrained, mode);
    }

    /** The row name in the paper's table: {@code pre-trained}, {@code L}, {@code L+R}, {@code R->L}. */
    public String setting() {
        return paperSetting().label();
    }
}
