package org.reasonlab.core.counterfactual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.compare.Proportion;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.run.JsonFields;
import org.reasonlab.core.run.RunDirectory;

/**
 * {@code probe.json}: a counterfactual probe's figures ({@link ProbeResults}, from a {@link ProbeReport}) on
 * {@code all} pairs and the {@code clean} ones (the record was no training record), and the pairs whose label flipped
 * with both statements, labels, reasons and label probabilities. Written by {@link #write}, read by {@link #read};
 * fields added later ({@code model}, {@code run}, {@code dataset}, {@code split}, the likelihood shifts,
 * {@code goldLabel} and the probabilities of a flipped pair) may be missing from older files.
 */
public final class ProbeJson {
    public static final String FILE = RunDirectory.PROBE;

    private ProbeJson() {
    }

    /** The JSON of a report, without naming what was probed. */
    public static JsonObject of(ProbeReport report, String attributes, int records, int withAttribute, int skipped) {
        return toJson(ProbeResults.of(report, attributes, ProbeResults.Subject.UNKNOWN, records, withAttribute,
                skipped));
    }

    public static JsonObject toJson(ProbeResults r) {
        JsonObject o = new JsonObject();
        o.addProperty("attributes", r.attributes());
        ProbeResults.Subject s = r.subject();
        if (s.model() != null) {
            o.addProperty("model", s.model());
        }
        if (s.run() != null) {
            o.addProperty("run", s.run());
        }
        if (s.dataset() != null) {
            o.addProperty("dataset", s.dataset());
        }
        if (s.split() != null) {
            o.addProperty("split", s.split());
        }
        o.addProperty("records", r.records());
        o.addProperty("withAttribute", r.withAttribute());
        o.addProperty("skippedAsAmbiguous", r.skippedAsAmbiguous());
        for (boolean clean : new boolean[] {false, true}) {
            ProbeResults.Figures f = r.figures(clean);
            JsonObject set = new JsonObject();
            set.add("labelFlips", proportion(f.labelFlips()));
            set.add("reasonVerdictFlips", proportion(f.reasonVerdictFlips()));
            set.add("likelihoodLabelFlips", proportion(f.likelihoodLabelFlips()));
            set.add("labelFlipsByValue", map(f.labelFlipsByValue(), ProbeJson::proportion));
            set.add("labelFlipsByPair", map(f.labelFlipsByPair(), ProbeJson::proportion));
            set.add("likelihoodShift", shift(f.likelihoodShift()));
            set.add("likelihoodShiftByValue", map(f.likelihoodShiftByValue(), ProbeJson::shift));
            set.add("likelihoodShiftByPair", map(f.likelihoodShiftByPair(), ProbeJson::shift));
            o.add(clean ? "clean" : "all", set);
        }
        JsonArray flipped = new JsonArray();
        for (ProbeResults.Flip p : r.flipped()) {
            JsonObject f = new JsonObject();
            f.addProperty("id", p.id());
            f.addProperty("value", p.value());
            f.addProperty("pairs", p.pairs());
            f.addProperty("leaked", p.leaked());
            f.addProperty("statement", p.statement());
            f.addProperty("variantStatement", p.variantStatement());
            f.addProperty("label", p.label());
            f.addProperty("variantLabel", p.variantLabel());
            f.addProperty("reason", p.reason());
            f.addProperty("variantReason", p.variantReason());
            f.addProperty("goldLabel", p.goldLabel());
            f.add("labelProbabilities", numbers(p.probabilities()));
            f.add("variantLabelProbabilities", numbers(p.variantProbabilities()));
            flipped.add(f);
        }
        o.add("flipped", flipped);
        return o;
    }

    /** Writes the results to {@code file} atomically, pretty-printed. */
    public static void write(ProbeResults results, Path file) throws IOException {
        byte[] json = (JsonFields.PRETTY.toJson(toJson(results)) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(json));
    }

    /** @throws IOException when the file cannot be read or is no probe.json; the message names the file */
    public static ProbeResults read(Path file) throws IOException {
        try {
            JsonElement e = JsonFields.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return parse(e.getAsJsonObject());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException naming the field that is missing or of the wrong type */
    public static ProbeResults parse(JsonObject o) {
        JsonObject all = JsonFields.optionalObject(o, "all");
        if (all == null) {
            throw new IllegalArgumentException("not a probe.json (no \"all\" figures)");
        }
        JsonObject clean = JsonFields.optionalObject(o, "clean");
        List<ProbeResults.Flip> flipped = new ArrayList<>();
        JsonElement list = o.get("flipped");
        if (list != null && !list.isJsonNull()) {
            if (!list.isJsonArray()) {
                throw new IllegalArgumentException("flipped must be an array");
            }
            int i = 0;
            for (JsonElement e : list.getAsJsonArray()) {
                String at = "flipped[" + i++ + "]";
                if (!e.isJsonObject()) {
                    throw new IllegalArgumentException(at + " must be an object");
                }
                flipped.add(flip(e.getAsJsonObject(), at));
            }
        }
        ProbeResults.Figures allFigures = figures(all, "all.");
        return new ProbeResults(JsonFields.requiredString(o, "attributes"),
                new ProbeResults.Subject(JsonFields.string(o, "model"), JsonFields.string(o, "run"),
                        JsonFields.string(o, "dataset"), JsonFields.string(o, "split")),
                count(o, "records", ""), count(o, "withAttribute", ""), count(o, "skippedAsAmbiguous", ""),
                allFigures, clean == null ? allFigures : figures(clean, "clean."), flipped);
    }

    private static ProbeResults.Figures figures(JsonObject o, String prefix) {
        return new ProbeResults.Figures(proportion(o, "labelFlips", prefix),
                optionalProportion(o, "reasonVerdictFlips", prefix),
                optionalProportion(o, "likelihoodLabelFlips", prefix),
                map(o, "labelFlipsByValue", prefix, ProbeJson::proportion),
                map(o, "labelFlipsByPair", prefix, ProbeJson::proportion),
                o.has("likelihoodShift") ? shift(o, "likelihoodShift", prefix) : none(),
                map(o, "likelihoodShiftByValue", prefix, ProbeJson::shift),
                map(o, "likelihoodShiftByPair", prefix, ProbeJson::shift));
    }

    private static ProbeResults.Flip flip(JsonObject o, String at) {
        try {
            Boolean leaked = JsonFields.optionalBoolean(o, "leaked");
            return new ProbeResults.Flip(JsonFields.string(o, "id"), JsonFields.string(o, "value"),
                    JsonFields.string(o, "pairs"), Boolean.TRUE.equals(leaked), JsonFields.string(o, "statement"),
                    JsonFields.string(o, "variantStatement"), JsonFields.string(o, "label"),
                    JsonFields.string(o, "variantLabel"), JsonFields.string(o, "reason"),
                    JsonFields.string(o, "variantReason"), JsonFields.string(o, "goldLabel"),
                    numbers(o, "labelProbabilities"), numbers(o, "variantLabelProbabilities"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + "." + e.getMessage(), e);
        }
    }

    private static LikelihoodShift none() {
        return new LikelihoodShift(0, null, null, Map.of());
    }

    private static int count(JsonObject o, String field, String prefix) {
        Integer n = JsonFields.optionalInt(o, field);
        if (n == null) {
            throw new IllegalArgumentException(prefix + field + " is missing");
        }
        if (n < 0) {
            throw new IllegalArgumentException(prefix + field + " must not be negative");
        }
        return n;
    }

    private static Proportion optionalProportion(JsonObject o, String field, String prefix) {
        return o.has(field) ? proportion(o, field, prefix) : new Proportion(0, 0);
    }

    private static Proportion proportion(JsonObject parent, String field, String prefix) {
        JsonObject o = JsonFields.optionalObject(parent, field);
        if (o == null) {
            throw new IllegalArgumentException(prefix + field + " is missing");
        }
        String at = prefix + field + ".";
        int k = count(o, "k", at);
        int n = count(o, "n", at);
        if (k > n) {
            throw new IllegalArgumentException(at + "k must not exceed n");
        }
        return new Proportion(k, n);
    }

    private static LikelihoodShift shift(JsonObject parent, String field, String prefix) {
        JsonObject o = JsonFields.optionalObject(parent, field);
        if (o == null) {
            throw new IllegalArgumentException(prefix + field + " is missing");
        }
        String at = prefix + field + ".";
        try {
            Map<String, Double> byLabel = numbers(o, "meanShiftByLabel");
            return new LikelihoodShift(count(o, "n", at), JsonFields.optionalDouble(o, "meanAbsGoldShift"),
                    JsonFields.optionalDouble(o, "meanGoldShift"), byLabel == null ? Map.of() : byLabel);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(at) ? e.getMessage() : at + e.getMessage(),
                    e);
        }
    }

    private static <T> Map<String, T> map(JsonObject parent, String field, String prefix,
            TriFunction<JsonObject, String, String, T> read) {
        JsonObject o = JsonFields.optionalObject(parent, field);
        Map<String, T> out = new LinkedHashMap<>();
        if (o != null) {
            for (String key : o.keySet()) {
                out.put(key, read.apply(o, key, prefix + field + "."));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    private static Map<String, Double> numbers(JsonObject parent, String field) {
        JsonObject o = JsonFields.optionalObject(parent, field);
        if (o == null) {
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String key : o.keySet()) {
            Double v = JsonFields.optionalDouble(o, key);
            if (v == null) {
                throw new IllegalArgumentException(field + "." + key + " must be a number");
            }
            out.put(key, v);
        }
        return out;
    }

    private static JsonObject proportion(Proportion p) {
        JsonObject o = new JsonObject();
        o.addProperty("k", p.k());
        o.addProperty("n", p.n());
        o.add("rate", JsonFields.number(p.rate()));
        return o;
    }

    private static JsonObject shift(LikelihoodShift s) {
        JsonObject o = new JsonObject();
        o.addProperty("n", s.n());
        o.add("meanAbsGoldShift", JsonFields.number(s.meanAbsGoldShift()));
        o.add("meanGoldShift", JsonFields.number(s.meanGoldShift()));
        o.add("meanShiftByLabel", numbers(s.meanShiftByLabel()));
        return o;
    }

    private static JsonElement numbers(Map<String, Double> m) {
        if (m == null) {
            return com.google.gson.JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        m.forEach((k, v) -> o.add(k, JsonFields.number(v)));
        return o;
    }

    private static <T> JsonObject map(Map<String, T> m, java.util.function.Function<T, JsonObject> write) {
        JsonObject o = new JsonObject();
        m.forEach((k, v) -> o.add(k, write.apply(v)));
        return o;
    }
}
