package org.reasonlab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.io.Utf8Lines;

/**
 * {@code predictions.jsonl}: one {@link Prediction} per line, fields named as the record's
 * components, nulls written out; {@code likelihoodLabel} and {@code labelLogLikelihoods} (an object, label to
 * log-likelihood) only when measured, so files written before they existed and files without them read alike; {@code truncated} and {@code leaked} are false when absent (older files). The file is written at once (atomically), so unlike the
 * event log a bad line is an error.
 */
public final class PredictionsFile {

    private PredictionsFile() {
    }

    public static String encode(Prediction p) {
        JsonObject o = new JsonObject();
        o.add("id", JsonFields.text(p.id()));
        o.add("statement", JsonFields.text(p.statement()));
        o.add("goldLabel", JsonFields.text(p.goldLabel()));
        o.add("goldReason", JsonFields.text(p.goldReason()));
        o.add("generated", JsonFields.text(p.generated()));
        o.add("predictedLabel", JsonFields.text(p.predictedLabel()));
        o.add("generatedReason", JsonFields.text(p.generatedReason()));
        o.addProperty("parseable", p.parseable());
        o.add("reasonVerdict", JsonFields.text(p.reasonVerdict()));
        o.addProperty("reasonAgrees", p.reasonAgrees());
        o.add("rougeL", JsonFields.number(p.rougeL()));
        o.add("tokenF1", JsonFields.number(p.tokenF1()));
        if (p.likelihoodLabel() != null) {
            o.add("likelihoodLabel", JsonFields.text(p.likelihoodLabel()));
        }
        o.addProperty("truncated", p.truncated());
        o.addProperty("leaked", p.leaked());
        if (p.labelLogLikelihoods() != null) {
            JsonObject ll = new JsonObject();
            p.labelLogLikelihoods().forEach((label, value) -> ll.add(label, JsonFields.number(value)));
            o.add("labelLogLikelihoods", ll);
        }
        return JsonFields.toLine(o);
    }

    /** @throws IllegalArgumentException when the line is not a prediction object */
    public static Prediction decode(String line) {
        JsonObject o = JsonFields.parseObject(line);
        Boolean parseable = JsonFields.optionalBoolean(o, "parseable");
        String predicted = JsonFields.string(o, "predictedLabel");
        return new Prediction(JsonFields.string(o, "id"), JsonFields.string(o, "statement"), JsonFields.string(o, "goldLabel"),
                JsonFields.string(o, "goldReason"), JsonFields.string(o, "generated"), predicted,
                JsonFields.string(o, "generatedReason"), parseable != null ? parseable : predicted != null,
                JsonFields.string(o, "reasonVerdict"), JsonFields.optionalBoolean(o, "reasonAgrees"),
                JsonFields.optionalDouble(o, "rougeL"), JsonFields.optionalDouble(o, "tokenF1"), JsonFields.string(o, "likelihoodLabel"),
                Boolean.TRUE.equals(JsonFields.optionalBoolean(o, "truncated")),
                Boolean.TRUE.equals(JsonFields.optionalBoolean(o, "leaked")), logLikelihoods(o));
    }

    /** {@code labelLogLikelihoods}: label to number (non-finite ones as {@code "NaN"}, {@code "-Infinity"}); null when absent. */
    private static Map<String, Double> logLikelihoods(JsonObject o) {
        JsonObject ll = JsonFields.optionalObject(o, "labelLogLikelihoods");
        if (ll == null) {
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String label : ll.keySet()) {
            Double value = null;
            try {
                value = JsonFields.optionalDouble(ll, label);
            } catch (IllegalArgumentException notANumber) {
                // the message below names the field with its object
            }
            if (value == null) {
                throw new IllegalArgumentException("labelLogLikelihoods." + label + " must be a number");
            }
            out.put(label, value);
        }
        return out;
    }

    public static void write(Path file, Collection<Prediction> predictions) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Prediction p : predictions) {
            sb.append(encode(p)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** @throws IOException naming the file and line of a line that is not a prediction */
    public static List<Prediction> read(Path file) throws IOException {
        List<Prediction> list = new ArrayList<>();
        for (Utf8Lines.Line line : Utf8Lines.read(file)) {
            if (line.blank()) {
                continue;
            }
            try {
                list.add(decode(line.validText()));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + line.number() + ": " + e.getMessage(), e);
            }
        }
        return list;
    }
}
