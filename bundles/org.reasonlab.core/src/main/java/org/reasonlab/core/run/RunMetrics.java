package org.reasonlab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.prompt.TrainingMode;

/**
 * A run's {@code metrics.json} (see {@code MetricsReport#toJson()} for the shape): the one reader of the file,
 * for the run page, the Runs view and the comparison. A field that is missing is null (numbers) or empty
 * (tables); one of the wrong type is null too and named in {@code problems}, never an exception.
 *
 * @param accuracy label accuracy
 * @param macroF1 macro-averaged F1
 * @param unparseableRate share of answers without a readable label
 * @param likelihoodAccuracy parse-free accuracy: the label whose answer the model finds most likely
 * @param total scored predictions
 * @param correct correct predictions
 * @param rougeL mean ROUGE-L of the scored reasons
 * @param tokenF1 mean token F1 of the scored reasons
 * @param reasonAgreement share of judged reasons whose verdict is the predicted label
 * @param perClass per-class precision, recall, F1 and support, in file order
 * @param confusionRows gold labels
 * @param confusionColumns predicted labels (the gold labels, then {@code unparseable})
 * @param confusion counts, one row per gold label
 * @param model the model named in the file (evaluation-only folders), may be null
 * @param mode the mode named in the file (evaluation-only folders), may be null
 * @param dataset the dataset named in the file, may be null
 * @param problems fields that are there but could not be read, e.g. {@code "accuracy must be a number"}
 * @param leaked evaluated records whose statement occurs among the training records; null in files written
 *        before leakage was marked
 * @param clean the same figures on the leakage-free records ({@code clean} in the file); null when the file has
 *        none or no record is leakage-free
 */
public record RunMetrics(Double accuracy, Double macroF1, Double unparseableRate, Double likelihoodAccuracy,
        Integer total, Integer correct,
        Double rougeL, Double tokenF1, Double reasonAgreement, List<ClassRow> perClass, List<String> confusionRows,
        List<String> confusionColumns, int[][] confusion, String model, TrainingMode mode, String dataset,
        List<String> problems, Integer leaked, RunMetrics clean) {

    /** One label's scores. */
    public record ClassRow(String label, Double precision, Double recall, Double f1, Integer support) {
    }

    public RunMetrics {
        perClass = List.copyOf(perClass);
        confusionRows = List.copyOf(confusionRows);
        confusionColumns = List.copyOf(confusionColumns);
        problems = List.copyOf(problems);
    }

    /**
     * Reads the file.
     *
     * @throws IOException when it cannot be read or is not a JSON object; the message names the file
     */
    public static RunMetrics read(Path file) throws IOException {
        try {
            JsonElement e = JsonFields.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IOException(file.getFileName() + ": not a JSON object");
            }
            return fromJson(e.getAsJsonObject());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public static RunMetrics fromJson(JsonObject o) {
        List<String> problems = new ArrayList<>();
        List<ClassRow> perClass = new ArrayList<>();
        JsonObject classes = object(o, "perClass");
        if (classes != null) {
            for (Map.Entry<String, JsonElement> c : classes.entrySet()) {
                if (c.getValue().isJsonObject()) {
                    JsonObject k = c.getValue().getAsJsonObject();
                    String prefix = "perClass." + c.getKey() + ".";
                    Double support = number(k, "support", prefix, problems);
                    perClass.add(new ClassRow(c.getKey(), number(k, "precision", prefix, problems),
                            number(k, "recall", prefix, problems), number(k, "f1", prefix, problems),
                            support == null ? null : support.intValue()));
                }
            }
        }
        List<String> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        int[][] counts = new int[0][];
        JsonObject confusion = object(o, "confusion");
        if (confusion != null) {
            rows = strings(confusion.get("rows"));
            columns = strings(confusion.get("columns"));
            counts = counts(confusion.get("counts"));
        }
        JsonObject reasons = object(o, "reasons");
        Double total = number(o, "total", "", problems);
        Double correct = number(o, "correct", "", problems);
        String mode = text(o, "mode");
        Double leaked = number(o, "leaked", "", problems);
        RunMetrics clean = null;
        JsonObject cleanObject = object(o, "clean");
        if (cleanObject != null && cleanObject.has("accuracy")) {
            clean = fromJson(cleanObject);
            clean.problems().forEach(p -> problems.add("clean." + p));
        }
        return new RunMetrics(number(o, "accuracy", "", problems), number(o, "macroF1", "", problems),
                number(o, "unparseableRate", "", problems), number(o, "likelihoodAccuracy", "", problems),
                total == null ? null : total.intValue(), correct == null ? null : correct.intValue(),
                reasons == null ? null : number(reasons, "meanRougeL", "reasons.", problems),
                reasons == null ? null : number(reasons, "meanTokenF1", "reasons.", problems),
                reasons == null ? null : number(reasons, "agreement", "reasons.", problems), perClass, rows, columns,
                counts, text(o, "model"), TrainingMode.parse(mode).orElse(null), text(o, "dataset"), problems,
                leaked == null ? null : leaked.intValue(), clean);
    }

    /** The count in the confusion matrix, 0 when out of range. */
    public int count(int row, int column) {
        return row < confusion.length && column < confusion[row].length ? confusion[row][column] : 0;
    }

    private static int[][] counts(JsonElement c) {
        if (c == null || !c.isJsonArray()) {
            return new int[0][];
        }
        JsonArray a = c.getAsJsonArray();
        int[][] counts = new int[a.size()][];
        for (int i = 0; i < a.size(); i++) {
            JsonElement row = a.get(i);
            if (row.isJsonArray()) {
                JsonArray r = row.getAsJsonArray();
                counts[i] = new int[r.size()];
                for (int j = 0; j < r.size(); j++) {
                    JsonElement n = r.get(j);
                    counts[i][j] = n.isJsonPrimitive() && n.getAsJsonPrimitive().isNumber() ? n.getAsInt() : 0;
                }
            } else {
                counts[i] = new int[0];
            }
        }
        return counts;
    }

    private static JsonObject object(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static List<String> strings(JsonElement e) {
        List<String> list = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            for (JsonElement s : e.getAsJsonArray()) {
                list.add(s.isJsonPrimitive() ? s.getAsString() : s.toString());
            }
        }
        return list;
    }

    private static Double number(JsonObject o, String field, String prefix, List<String> problems) {
        try {
            return JsonNumbers.read(o, field);
        } catch (IllegalArgumentException e) {
            problems.add(prefix + e.getMessage());
            return null;
        }
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }
}
