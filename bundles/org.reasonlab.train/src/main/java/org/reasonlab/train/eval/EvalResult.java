package org.reasonlab.train.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.reasonlab.core.eval.MetricsReport;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunDirectory;

/**
 * What an evaluation found.
 *
 * @param mode the training mode whose template was used
 * @param model what was evaluated (a folder, {@code tiny}, or a caller's name)
 * @param split the split evaluated, or {@code all} when the dataset has no splits
 * @param predictions one scored answer per evaluated record, in dataset order
 * @param report the scores of the generated answers
 * @param likelihoodLabels per record, the label whose answer text the model found most likely; null
 *        entries (or a null list) when the source does not score continuations
 * @param likelihoodCorrect how many likelihood labels equal the gold label
 * @param likelihoodAccuracy likelihoodCorrect / records, null when not measured
 * @param skipped records of the split left out (no statement, or a label the schema does not know)
 * @param dataset the dataset file evaluated, null when not known
 */
public record EvalResult(TrainingMode mode, String model, String split, List<Prediction> predictions,
        MetricsReport report, List<String> likelihoodLabels, int likelihoodCorrect, Double likelihoodAccuracy,
        int skipped, String dataset) {

    public EvalResult(TrainingMode mode, String model, String split, List<Prediction> predictions,
            MetricsReport report, List<String> likelihoodLabels, int likelihoodCorrect, Double likelihoodAccuracy,
            int skipped) {
        this(mode, model, split, predictions, report, likelihoodLabels, likelihoodCorrect, likelihoodAccuracy, skipped,
                null);
    }

    /** This result naming the dataset file it was computed on (written to {@code metrics.json}). */
    public EvalResult withDataset(String file) {
        return new EvalResult(mode, model, split, predictions, report, likelihoodLabels, likelihoodCorrect,
                likelihoodAccuracy, skipped, file);
    }

    public EvalResult {
        predictions = List.copyOf(predictions);
        likelihoodLabels = likelihoodLabels == null ? null : Collections.unmodifiableList(
                new ArrayList<>(likelihoodLabels));
    }

    public int records() {
        return predictions.size();
    }

    /** {@link MetricsReport#summary()} plus {@code likelihoodAccuracy} when measured: the eval event's metrics. */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>(report.summary());
        if (likelihoodAccuracy != null) {
            m.put("likelihoodAccuracy", likelihoodAccuracy);
        }
        return m;
    }

    /**
     * {@code metrics.json}: {@link MetricsReport#toJson()} plus {@code likelihoodAccuracy},
     * {@code likelihoodCorrect}, {@code mode}, {@code model}, {@code dataset} (when known), {@code split},
     * {@code records} and {@code skipped}.
     */
    public JsonObject toJson() {
        JsonObject o = report.toJson();
        o.addProperty("likelihoodAccuracy", likelihoodAccuracy);
        o.addProperty("likelihoodCorrect", likelihoodAccuracy == null ? null : likelihoodCorrect);
        o.addProperty("mode", mode.id());
        o.addProperty("model", model);
        if (dataset != null) {
            o.addProperty("dataset", dataset);
        }
        o.addProperty("split", split);
        o.addProperty("records", records());
        o.addProperty("skipped", skipped);
        return o;
    }

    /** Writes {@code predictions.jsonl} and {@code metrics.json} (each atomically) into the run folder. */
    public void write(RunDirectory run) throws IOException {
        Files.createDirectories(run.root());
        PredictionsFile.write(run.predictionsFile(), predictions);
        writeMetrics(run.metricsFile());
    }

    public void writeMetrics(Path file) throws IOException {
        String json = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create()
                .toJson(toJson());
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** A few lines for people: accuracy, likelihood accuracy, unparseable, macro-F1, reason agreement, ROUGE-L. */
    public String humanSummary() {
        var c = report.classification();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "evaluated %d records (split %s, mode %s, model %s)%n",
                records(), split, mode.id(), model));
        if (skipped > 0) {
            sb.append(String.format(Locale.ROOT, "skipped %d records (no statement or unknown label)%n",
                    skipped));
        }
        sb.append(String.format(Locale.ROOT, "accuracy             %.4f  (%d/%d)%n", c.accuracy(),
                c.correct(), c.total()));
        sb.append("likelihood accuracy  ").append(likelihoodAccuracy == null ? "n/a"
                : String.format(Locale.ROOT, "%.4f  (%d/%d)", likelihoodAccuracy, likelihoodCorrect,
                        records())).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "unparseable          %d  (%.1f%%)%n", c.unparseable(),
                100 * report.unparseableRate()));
        sb.append(String.format(Locale.ROOT, "macro-F1             %.4f%n", c.macroF1()));
        sb.append("reason agreement     ").append(report.reasonAgreement() == null ? "n/a"
                : String.format(Locale.ROOT, "%.4f  (%d/%d)", report.reasonAgreement(),
                        report.agreeingReasons(), report.judgedReasons())).append(System.lineSeparator());
        sb.append("mean ROUGE-L         ").append(report.meanRougeL() == null ? "n/a"
                : String.format(Locale.ROOT, "%.4f  (%d reasons)", report.meanRougeL(),
                        report.scoredReasons())).append(System.lineSeparator());
        return sb.toString();
    }
}
