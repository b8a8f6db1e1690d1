package org.reasonlab.core.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.run.Prediction;

/**
 * The scores of an evaluation, written as a run's {@code metrics.json}.
 *
 * @param classification label accuracy, per-class scores and the confusion matrix
 * @param generatedReasons predictions with a generated reason
 * @param scoredReasons predictions whose reason was compared with a gold reason
 * @param meanRougeL mean ROUGE-L F1 over the scored reasons, null when there are none
 * @param meanTokenF1 mean token F1 over the scored reasons, null when there are none
 * @param judgedReasons reasons with a clear verdict and a predicted label to compare it with
 * @param agreeingReasons judged reasons whose verdict is the predicted label
 * @param reasonAgreement agreeingReasons / judgedReasons, null when none were judged; one minus
 *        it is the misalignment of reasons and labels
 */
public record MetricsReport(ClassificationMetrics classification, int generatedReasons, int scoredReasons,
        Double meanRougeL, Double meanTokenF1, int judgedReasons, int agreeingReasons, Double reasonAgreement) {

    /**
     * @param labels the schema's labels, in order; every gold and predicted label must be one of them
     * @throws IllegalArgumentException when a prediction has a label not in {@code labels}
     */
    public static MetricsReport of(List<Prediction> predictions, List<String> labels) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        int generated = 0;
        int scored = 0;
        double rougeSum = 0;
        double tokenF1Sum = 0;
        int judged = 0;
        int agreeing = 0;
        for (Prediction p : predictions) {
            gold.add(p.goldLabel());
            predicted.add(p.predictedLabel());
            if (p.generatedReason() != null) {
                generated++;
            }
            if (p.rougeL() != null && p.tokenF1() != null) {
                scored++;
                rougeSum += p.rougeL();
                tokenF1Sum += p.tokenF1();
            }
            if (p.reasonAgrees() != null) {
                judged++;
                agreeing += p.reasonAgrees() ? 1 : 0;
            }
        }
        return new MetricsReport(ClassificationMetrics.compute(gold, predicted, labels), generated, scored,
                scored == 0 ? null : rougeSum / scored, scored == 0 ? null : tokenF1Sum / scored, judged, agreeing,
                judged == 0 ? null : (double) agreeing / judged);
    }

    /**
     * The headline numbers, for an {@code eval} event: accuracy, macroF1, unparseableRate and,
     * when measured, rougeL, tokenF1 and reasonAgreement.
     */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", classification.accuracy());
        m.put("macroF1", classification.macroF1());
        m.put("unparseableRate", unparseableRate());
        putIfMeasured(m, "rougeL", meanRougeL);
        putIfMeasured(m, "tokenF1", meanTokenF1);
        putIfMeasured(m, "reasonAgreement", reasonAgreement);
        return m;
    }

    public double unparseableRate() {
        return ClassMetrics.ratio(classification.unparseable(), classification.total());
    }

    private static void putIfMeasured(Map<String, Double> m, String key, Double value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** The report as {@code metrics.json}'s object; see {@code docs/run-directory.md} for its shape. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        ClassificationMetrics c = classification;
        o.addProperty("total", c.total());
        o.addProperty("correct", c.correct());
        o.addProperty("accuracy", c.accuracy());
        o.addProperty("unparseable", c.unparseable());
        o.addProperty("unparseableRate", unparseableRate());
        o.addProperty("macroF1", c.macroF1());
        JsonObject perClass = new JsonObject();
        for (ClassMetrics m : c.perClass().values()) {
            JsonObject k = new JsonObject();
            k.addProperty("precision", m.precision());
            k.addProperty("recall", m.recall());
            k.addProperty("f1", m.f1());
            k.addProperty("support", m.support());
            k.addProperty("predicted", m.predicted());
            perClass.add(m.label(), k);
        }
        o.add("perClass", perClass);
        JsonObject confusion = new JsonObject();
        confusion.add("rows", strings(c.confusion().labels()));
        confusion.add("columns", strings(c.confusion().columns()));
        JsonArray counts = new JsonArray();
        for (int[] row : c.confusion().counts()) {
            JsonArray r = new JsonArray();
            for (int n : row) {
                r.add(n);
            }
            counts.add(r);
        }
        confusion.add("counts", counts);
        o.add("confusion", confusion);
        JsonObject reasons = new JsonObject();
        reasons.addProperty("generated", generatedReasons);
        reasons.addProperty("scored", scoredReasons);
        reasons.addProperty("meanRougeL", meanRougeL);
        reasons.addProperty("meanTokenF1", meanTokenF1);
        reasons.addProperty("judged", judgedReasons);
        reasons.addProperty("agreeing", agreeingReasons);
        reasons.addProperty("agreement", reasonAgreement);
        o.add("reasons", reasons);
        return o;
    }

    private static JsonArray strings(List<String> list) {
        JsonArray a = new JsonArray();
        list.forEach(a::add);
        return a;
    }

    /** Writes {@code metrics.json} (pretty-printed) atomically. */
    public void write(Path file) throws IOException {
        String json = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create()
                .toJson(toJson());
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
