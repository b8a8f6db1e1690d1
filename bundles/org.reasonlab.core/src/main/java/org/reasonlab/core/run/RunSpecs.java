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
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.training.MixtureSource;

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
        return JsonFields.PRETTY.toJson(toJson(spec));
    }

    /** @throws IllegalArgumentException when the text is not a JSON object or a field has the wrong type */
    public static RunSpec parse(String json) {
        JsonElement e = JsonFields.parse(json);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("a run spec must be a JSON object");
        }
        return fromJson(e.getAsJsonObject());
    }

    public static JsonObject toJson(RunSpec s) {
        JsonObject o = new JsonObject();
        o.addProperty("version", VERSION);
        o.add("runId", JsonFields.text(s.runId()));
        o.add("created", JsonFields.text(s.created() == null ? null : s.created().toString()));
        o.add("dataset", JsonFields.text(s.dataset()));
        o.add("trainSplit", JsonFields.text(s.trainSplit()));
        o.add("evalSplit", JsonFields.text(s.evalSplit()));
        o.add("mode", JsonFields.text(s.mode() == null ? null : s.mode().id()));
        // Always the template in effect, so that the file records exactly what the model saw.
        o.add("template", PromptTemplates.toJson(s.template()));
        o.add("model", JsonFields.text(s.model()));
        o.add("tuning", JsonFields.text(s.tuning()));
        o.addProperty("loraR", s.loraR());
        o.addProperty("loraAlpha", s.loraAlpha());
        o.add("loraDropout", JsonFields.number(s.loraDropout()));
        JsonArray modules = new JsonArray();
        s.loraTargetModules().forEach(modules::add);
        o.add("loraTargetModules", modules);
        o.add("learningRate", JsonFields.number(s.learningRate()));
        o.add("weightDecay", JsonFields.number(s.weightDecay()));
        o.add("schedule", JsonFields.text(s.schedule()));
        o.addProperty("warmupSteps", s.warmupSteps());
        o.add("warmupRatio", JsonFields.number(s.warmupRatio()));
        o.addProperty("epochs", s.epochs());
        o.addProperty("maxSteps", s.maxSteps());
        o.addProperty("batchSize", s.batchSize());
        o.addProperty("gradientAccumulation", s.gradientAccumulation());
        o.addProperty("maxSequenceLength", s.maxSequenceLength());
        o.add("gradientClipping", JsonFields.number(s.gradientClipping()));
        o.addProperty("seed", s.seed());
        o.addProperty("lossOnPrompt", s.lossOnPrompt());
        o.add("device", JsonFields.text(s.device()));
        o.add("precision", JsonFields.text(s.precision()));
        o.addProperty("checkpointEvery", s.checkpointEvery());
        o.addProperty("evalMaxNewTokens", s.evalMaxNewTokens());
        o.addProperty("evalSample", s.evalSample());
        o.add("preset", JsonFields.text(s.preset()));
        o.add("holdout", JsonFields.number(s.holdout()));
        o.addProperty("splitSeed", s.splitSeed());
        o.add("counterfactualAttributes", JsonFields.text(s.counterfactualAttributes()));
        o.addProperty("counterfactualAugment", s.counterfactualAugment());
        o.add("consistencyWeight", JsonFields.number(s.consistencyWeight()));
        JsonArray mixture = new JsonArray();
        for (MixtureSource m : s.mixture()) {
            JsonObject source = new JsonObject();
            source.addProperty("dataset", m.dataset());
            source.add("ratio", JsonFields.number(m.ratio()));
            source.addProperty("tag", m.tag());
            source.add("lossWeight", JsonFields.number(m.lossWeight()));
            source.add("maskAttributes", JsonFields.text(m.maskAttributes()));
            mixture.add(source);
        }
        o.add("mixture", mixture);
        o.addProperty("mixtureSize", s.mixtureSize());
        return o;
    }

    /** @throws IllegalArgumentException naming the first field of the wrong type */
    public static RunSpec fromJson(JsonObject o) {
        RunSpec s = new RunSpec();
        s.setRunId(JsonFields.string(o, "runId"));
        String created = JsonFields.string(o, "created");
        s.setCreated(created == null ? null : JsonFields.instant(created, "created"));
        s.setDataset(JsonFields.string(o, "dataset"));
        if (JsonFields.present(o, "trainSplit")) {
            s.setTrainSplit(JsonFields.string(o, "trainSplit"));
        }
        if (JsonFields.present(o, "evalSplit")) {
            s.setEvalSplit(JsonFields.string(o, "evalSplit"));
        }
        if (JsonFields.present(o, "mode")) {
            String mode = JsonFields.string(o, "mode");
            s.setMode(TrainingMode.parse(mode)
                    .orElseThrow(() -> new IllegalArgumentException("mode must be one of l, l+r, r->l, not '" + mode + "'")));
        }
        if (JsonFields.present(o, "template")) {
            try {
                s.setTemplate(PromptTemplates.fromJson(o.get("template")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("template: " + e.getMessage(), e);
            }
        }
        if (JsonFields.present(o, "model")) {
            s.setModel(JsonFields.string(o, "model"));
        }
        if (JsonFields.present(o, "tuning")) {
            s.setTuning(JsonFields.string(o, "tuning"));
        }
        ifInt(o, "loraR", s::setLoraR);
        ifInt(o, "loraAlpha", s::setLoraAlpha);
        ifDouble(o, "loraDropout", s::setLoraDropout);
        if (JsonFields.present(o, "loraTargetModules")) {
            s.setLoraTargetModules(strings(o, "loraTargetModules"));
        }
        ifDouble(o, "learningRate", s::setLearningRate);
        ifDouble(o, "weightDecay", s::setWeightDecay);
        if (JsonFields.present(o, "schedule")) {
            s.setSchedule(JsonFields.string(o, "schedule"));
        }
        ifInt(o, "warmupSteps", s::setWarmupSteps);
        s.setWarmupRatio(JsonFields.optionalDouble(o, "warmupRatio"));
        ifInt(o, "epochs", s::setEpochs);
        s.setMaxSteps(JsonFields.optionalInt(o, "maxSteps"));
        ifInt(o, "batchSize", s::setBatchSize);
        ifInt(o, "gradientAccumulation", s::setGradientAccumulation);
        ifInt(o, "maxSequenceLength", s::setMaxSequenceLength);
        ifDouble(o, "gradientClipping", s::setGradientClipping);
        Long seed = JsonFields.optionalLong(o, "seed");
        if (seed != null) {
            s.setSeed(seed);
        }
        Boolean lossOnPrompt = JsonFields.optionalBoolean(o, "lossOnPrompt");
        if (lossOnPrompt != null) {
            s.setLossOnPrompt(lossOnPrompt);
        }
        if (JsonFields.present(o, "device")) {
            s.setDevice(JsonFields.string(o, "device"));
        }
        if (JsonFields.present(o, "precision")) {
            s.setPrecision(JsonFields.string(o, "precision"));
        }
        ifInt(o, "checkpointEvery", s::setCheckpointEvery);
        s.setHoldout(JsonFields.optionalDouble(o, "holdout"));
        s.setSplitSeed(JsonFields.optionalLong(o, "splitSeed"));
        ifInt(o, "evalMaxNewTokens", s::setEvalMaxNewTokens);
        s.setEvalSample(JsonFields.optionalInt(o, "evalSample"));
        s.setPreset(JsonFields.string(o, "preset"));
        s.setCounterfactualAttributes(JsonFields.string(o, "counterfactualAttributes"));
        Boolean augment = JsonFields.optionalBoolean(o, "counterfactualAugment");
        s.setCounterfactualAugment(augment != null && augment);
        ifDouble(o, "consistencyWeight", s::setConsistencyWeight);
        if (JsonFields.present(o, "mixture")) {
            s.setMixture(mixture(o.get("mixture")));
        }
        s.setMixtureSize(JsonFields.optionalInt(o, "mixtureSize"));
        return s;
    }

    private static List<MixtureSource> mixture(JsonElement e) {
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("mixture must be a list of sources");
        }
        List<MixtureSource> sources = new ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                throw new IllegalArgumentException("mixture must be a list of sources (objects)");
            }
            JsonObject m = item.getAsJsonObject();
            String dataset = JsonFields.string(m, "dataset");
            Double ratio = JsonFields.optionalDouble(m, "ratio");
            if (dataset == null || ratio == null) {
                throw new IllegalArgumentException("mixture: each source needs dataset and ratio");
            }
            Boolean tag = JsonFields.optionalBoolean(m, "tag");
            Double weight = JsonFields.optionalDouble(m, "lossWeight");
            sources.add(new MixtureSource(dataset, ratio, tag != null && tag, weight == null ? 1.0 : weight,
                    JsonFields.string(m, "maskAttributes")));
        }
        return sources;
    }

    private static void ifInt(JsonObject o, String field, IntConsumer setter) {
        Integer value = JsonFields.optionalInt(o, field);
        if (value != null) {
            setter.accept(value);
        }
    }

    private static void ifDouble(JsonObject o, String field, DoubleConsumer setter) {
        Double value = JsonFields.optionalDouble(o, field);
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
