package org.reasonlab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;

/**
 * {@code spec.json}: a {@link RunSpec} as a pretty-printed JSON object. Fields left out take their
 * defaults and unknown fields are ignored, so older and newer files both read; a field of the wrong
 * type is an error naming it.
 */
public final class RunSpecs {
    /** Written as {@code "version"}; raised when a field changes meaning. */
    public static final int VERSION = 1;

    private RunSpecs() {
    }

    public static RunSpec read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the spec atomically, so a reader never sees half a file. */
    public static void write(RunSpec spec, Path file) throws IOException {
        byte[] bytes = (toJsonString(spec) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static String toJsonString(RunSpec spec) {
        return Json.PRETTY.toJson(toJson(spec));
    }

    /** @throws IllegalArgumentException when the text is not a JSON object or a field has the wrong type */
    public static RunSpec parse(String json) {
        JsonElement e;
        try {
            e = JsonParser.parseString(json);
        } catch (JsonParseException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getMessage(), ex);
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("a run spec must be a JSON object");
        }
        return fromJson(e.getAsJsonObject());
    }

    public static JsonObject toJson(RunSpec s) {
        JsonObject o = new JsonObject();
        o.addProperty("version", VERSION);
        o.add("runId", Json.text(s.runId()));
        o.add("created", Json.text(s.created() == null ? null : s.created().toString()));
        o.add("dataset", Json.text(s.dataset()));
        o.add("trainSplit", Json.text(s.trainSplit()));
        o.add("evalSplit", Json.text(s.evalSplit()));
        o.add("mode", Json.text(s.mode() == null ? null : s.mode().id()));
        // Always the template in effect, so that the file records exactly what the model saw.
        o.add("template", PromptTemplates.toJson(s.template()));
        o.add("model", Json.text(s.model()));
        o.add("tuning", Json.text(s.tuning()));
        o.addProperty("loraR", s.loraR());
        o.addProperty("loraAlpha", s.loraAlpha());
        o.add("loraDropout", Json.number(s.loraDropout()));
        JsonArray modules = new JsonArray();
        s.loraTargetModules().forEach(modules::add);
        o.add("loraTargetModules", modules);
        o.add("learningRate", Json.number(s.learningRate()));
        o.add("weightDecay", Json.number(s.weightDecay()));
        o.add("schedule", Json.text(s.schedule()));
        o.addProperty("warmupSteps", s.warmupSteps());
        o.addProperty("epochs", s.epochs());
        o.addProperty("maxSteps", s.maxSteps());
        o.addProperty("batchSize", s.batchSize());
        o.addProperty("gradientAccumulation", s.gradientAccumulation());
        o.addProperty("maxSequenceLength", s.maxSequenceLength());
        o.add("gradientClipping", Json.number(s.gradientClipping()));
        o.addProperty("seed", s.seed());
        o.addProperty("lossOnPrompt", s.lossOnPrompt());
        o.add("device", Json.text(s.device()));
        o.add("precision", Json.text(s.precision()));
        o.addProperty("checkpointEvery", s.checkpointEvery());
        o.addProperty("evalMaxNewTokens", s.evalMaxNewTokens());
        return o;
    }

    /** @throws IllegalArgumentException naming the first field of the wrong type */
    public static RunSpec fromJson(JsonObject o) {
        RunSpec s = new RunSpec();
        s.setRunId(Json.string(o, "runId"));
        String created = Json.string(o, "created");
        s.setCreated(created == null ? null : Json.instant(created, "created"));
        s.setDataset(Json.string(o, "dataset"));
        if (Json.present(o, "trainSplit")) {
            s.setTrainSplit(Json.string(o, "trainSplit"));
        }
        if (Json.present(o, "evalSplit")) {
            s.setEvalSplit(Json.string(o, "evalSplit"));
        }
        if (Json.present(o, "mode")) {
            String mode = Json.string(o, "mode");
            s.setMode(TrainingMode.parse(mode)
                    .orElseThrow(() -> new IllegalArgumentException("mode must be one of l, l+r, r->l, not '" + mode + "'")));
        }
        if (Json.present(o, "template")) {
            try {
                s.setTemplate(PromptTemplates.fromJson(o.get("template")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("template: " + e.getMessage(), e);
            }
        }
        if (Json.present(o, "model")) {
            s.setModel(Json.string(o, "model"));
        }
        if (Json.present(o, "tuning")) {
            s.setTuning(Json.string(o, "tuning"));
        }
        ifInt(o, "loraR", s::setLoraR);
        ifInt(o, "loraAlpha", s::setLoraAlpha);
        ifDouble(o, "loraDropout", s::setLoraDropout);
        if (Json.present(o, "loraTargetModules")) {
            s.setLoraTargetModules(strings(o, "loraTargetModules"));
        }
        ifDouble(o, "learningRate", s::setLearningRate);
        ifDouble(o, "weightDecay", s::setWeightDecay);
        if (Json.present(o, "schedule")) {
            s.setSchedule(Json.string(o, "schedule"));
        }
        ifInt(o, "warmupSteps", s::setWarmupSteps);
        ifInt(o, "epochs", s::setEpochs);
        s.setMaxSteps(Json.optionalInt(o, "maxSteps"));
        ifInt(o, "batchSize", s::setBatchSize);
        ifInt(o, "gradientAccumulation", s::setGradientAccumulation);
        ifInt(o, "maxSequenceLength", s::setMaxSequenceLength);
        ifDouble(o, "gradientClipping", s::setGradientClipping);
        Long seed = Json.optionalLong(o, "seed");
        if (seed != null) {
            s.setSeed(seed);
        }
        Boolean lossOnPrompt = Json.optionalBoolean(o, "lossOnPrompt");
        if (lossOnPrompt != null) {
            s.setLossOnPrompt(lossOnPrompt);
        }
        if (Json.present(o, "device")) {
            s.setDevice(Json.string(o, "device"));
        }
        if (Json.present(o, "precision")) {
            s.setPrecision(Json.string(o, "precision"));
        }
        ifInt(o, "checkpointEvery", s::setCheckpointEvery);
        ifInt(o, "evalMaxNewTokens", s::setEvalMaxNewTokens);
        return s;
    }

    private static void ifInt(JsonObject o, String field, IntConsumer setter) {
        Integer value = Json.optionalInt(o, field);
        if (value != null) {
            setter.accept(value);
        }
    }

    private static void ifDouble(JsonObject o, String field, DoubleConsumer setter) {
        Double value = Json.optionalDouble(o, field);
        if (value != null) {
            setter.accept(value);
        }
    }

    private static List<String> strings(JsonObject o, String field) {
        JsonElement e = o.get(field);
        List<String> list = new ArrayList<>();
        if (e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException(field + " must be a list of text");
                }
                list.add(item.getAsString());
            }
            return list;
        }
        throw new IllegalArgumentException(field + " must be a list of text");
    }
}
