package org.reasonlab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.reasonlab.core.io.AtomicFiles;

/**
 * {@code predictions.jsonl}: one {@link Prediction} per line, fields named as the record's
 * components, nulls written out; {@code likelihoodLabel} only when measured, so files written before it
 * existed and files without it read alike. The file is written at once (atomically), so unlike the
 * event log a bad line is an error.
 */
public final class PredictionsFile {

    private PredictionsFile() {
    }

    public static String encode(Prediction p) {
        JsonObject o = new JsonObject();
        o.add("id", Json.text(p.id()));
        o.add("statement", Json.text(p.statement()));
        o.add("goldLabel", Json.text(p.goldLabel()));
        o.add("goldReason", Json.text(p.goldReason()));
        o.add("generated", Json.text(p.generated()));
        o.add("predictedLabel", Json.text(p.predictedLabel()));
        o.add("generatedReason", Json.text(p.generatedReason()));
        o.addProperty("parseable", p.parseable());
        o.add("reasonVerdict", Json.text(p.reasonVerdict()));
        o.addProperty("reasonAgrees", p.reasonAgrees());
        o.add("rougeL", Json.number(p.rougeL()));
        o.add("tokenF1", Json.number(p.tokenF1()));
        if (p.likelihoodLabel() != null) {
            o.add("likelihoodLabel", Json.text(p.likelihoodLabel()));
        }
        return Json.COMPACT.toJson(o);
    }

    /** @throws IllegalArgumentException when the line is not a prediction object */
    public static Prediction decode(String line) {
        JsonElement e;
        try {
            e = JsonParser.parseString(line);
        } catch (JsonParseException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getMessage(), ex);
        }
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject o = e.getAsJsonObject();
        Boolean parseable = Json.optionalBoolean(o, "parseable");
        String predicted = Json.string(o, "predictedLabel");
        return new Prediction(Json.string(o, "id"), Json.string(o, "statement"), Json.string(o, "goldLabel"),
                Json.string(o, "goldReason"), Json.string(o, "generated"), predicted,
                Json.string(o, "generatedReason"), parseable != null ? parseable : predicted != null,
                Json.string(o, "reasonVerdict"), Json.optionalBoolean(o, "reasonAgrees"),
                Json.optionalDouble(o, "rougeL"), Json.optionalDouble(o, "tokenF1"), Json.string(o, "likelihoodLabel"));
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
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                list.add(decode(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return list;
    }
}
