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

    /** The predictions on records whose statement the model was not trained on. */
    public List<Prediction> cleanPredictions() {
        return predictions.stream().filter(p -> !p.leaked()).toList();
    }

    /** Predictions on records whose statement occurs among the training records. */
    public int leaked() {
        return predictions.size() - cleanPredictions().size();
    }

    /** The scores of the leakage-free predictions. */
    public MetricsReport cleanReport() {
        return MetricsReport.of(cleanPredictions(), report.classification().confusion().labels());
    }

    /** Correct likelihood labels among the leakage-free predictions. */
    public int cleanLikelihoodCorrect() {
        return (int) cleanPredictions().stream().filter(Prediction::likelihoodCorrect).count();
    }

    /** The likelihood accuracy of the leakage-free predictions; null when not measured or none are clean. */
    public Double cleanLikelihoodAccuracy() {
        int clean = cleanPredictions().size();
        return likelihoodAccuracy == null || clean == 0 ? null : (double) cleanLikelihoodCorrect() / clean;
    }

    /**
     * {@link MetricsReport#summary()} plus {@code likelihoodAccuracy} when measured, then the same of the
     * leakage-free predictions with {@code clean} before each capitalised name ({@code cleanAccuracy}): the eval
     * event's metrics, all shares.
     */
    public Map<String, Double> summary() {
        Map<String, Double> m = scores(report, likelihoodAccuracy);
        if (!cleanPredictions().isEmpty()) {
            scores(cleanReport(), cleanLikelihoodAccuracy()).forEach((k, v) ->
                    m.put("clean" + Character.toUpperCase(k.charAt(0)) + k.substring(1), v));
        }
        return m;
    }

    private static Map<String, Double> scores(MetricsReport report, Double likelihood) {
        Map<String, Double> m = new LinkedHashMap<>(report.summary());
        if (likelihood != null) {
            m.put("likelihoodAccuracy", likelihood);
        }
        return m;
    }

    /**
     * {@code metrics.json}: {@link MetricsReport#toJson()} plus {@code likelihoodAccuracy},
     * {@code likelihoodCorrect}, {@code mode}, {@code model}, {@code dataset} (when known), {@code split},
     * {@code records}, {@code skipped}, {@code leaked} (records whose statement occurs among the training
     * records) and {@code clean}: the same scores of the leakage-free records.
     */
    public JsonObject toJson() {
        JsonObject o = scoresJson(report, likelihoodAccuracy, likelihoodCorrect, records());
        o.addProperty("mode", mode.id());
        o.addProperty("model", model);
        if (dataset != null) {
            o.addProperty("dataset", dataset);
        }
        o.addProperty("split", split);
        o.addProperty("skipped", skipped);
        o.addProperty("leaked", leaked());
        List<Prediction> clean = cleanPredictions();
        JsonObject none = new JsonObject();
        none.addProperty("records", 0);
        o.add("clean", clean.isEmpty() ? none
                : scoresJson(cleanReport(), cleanLikelihoodAccuracy(), cleanLikelihoodCorrect(), clean.size()));
        return o;
    }

    private JsonObject scoresJson(MetricsReport scores, Double likelihood, int likelihoodHits, int records) {
        JsonObject o = scores.toJson();
        o.addProperty("likelihoodAccuracy", likelihood);
        o.addProperty("likelihoodCorrect", likelihood == null ? null : likelihoodHits);
        o.addProperty("records", records);
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

    /**
     * A few lines for people: accuracy, likelihood accuracy, unparseable, macro-F1, reason agreement and
     * ROUGE-L, on all records and on the leakage-free ones side by side.
     */
    public String humanSummary() {
        MetricsReport clean = cleanReport();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "evaluated %d records (split %s, mode %s, model %s)%n",
                records(), split, mode.id(), model));
        if (skipped > 0) {
            sb.append(String.format(Locale.ROOT, "skipped %d records (no statement or unknown label)%n",
                    skipped));
        }
        sb.append(String.format(Locale.ROOT, "%d of them leaked (statement among the training records)%n", leaked()));
        sb.append(String.format(Locale.ROOT, "%-20s %-22s %s%n", "", "all records", "leakage-free"));
        line(sb, "accuracy", accuracy(report), accuracy(clean));
        line(sb, "likelihood accuracy", ratio(likelihoodAccuracy, likelihoodCorrect, records()),
                ratio(cleanLikelihoodAccuracy(), cleanLikelihoodCorrect(), clean.classification().total()));
        line(sb, "unparseable", unparseable(report), unparseable(clean));
        line(sb, "macro-F1", macroF1(report), macroF1(clean));
        line(sb, "reason agreement", ratio(report.reasonAgreement(), report.agreeingReasons(), report.judgedReasons()),
                ratio(clean.reasonAgreement(), clean.agreeingReasons(), clean.judgedReasons()));
        line(sb, "mean ROUGE-L", rouge(report), rouge(clean));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, String all, String clean) {
        sb.append(String.format(Locale.ROOT, "%-20s %-22s %s%n", name, all, clean));
    }

    private static String accuracy(MetricsReport r) {
        var c = r.classification();
        return c.total() == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f (%d/%d)", c.accuracy(), c.correct(), c.total());
    }

    private static String macroF1(MetricsReport r) {
        var c = r.classification();
        return c.total() == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", c.macroF1());
    }

    private static String unparseable(MetricsReport r) {
        var c = r.classification();
        return String.format(Locale.ROOT, "%d (%.1f%%)", c.unparseable(), 100 * r.unparseableRate());
    }

    private static String ratio(Double value, int hits, int of) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f (%d/%d)", value, hits, of);
    }

    private static String rouge(MetricsReport r) {
        return r.meanRougeL() == null ? "n/a" : String.format(Locale.ROOT, "%.4f (%d)", r.meanRougeL(), r.scoredReasons());
    }
}
