package org.reasonlab.train.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.reasonlab.train.lora.LoraAdapter;
import org.reasonlab.train.lora.LoraConfig;
import org.reasonlab.train.lora.LoraModel;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.SafetensorsReader;

/**
 * Reads a LoRA adapter in PEFT's layout (as {@link PeftExporter#writeAdapter} writes it: {@code adapter_config.json}
 * with {@code r}, {@code lora_alpha}, {@code target_modules}, and {@code adapter_model.safetensors} with
 * {@code base_model.model.<module>.lora_A.weight} / {@code .lora_B.weight}) and attaches it to a loaded base model,
 * for evaluating a run whose tuned model is its adapter ({@code adapter/} without {@code merged/}).
 */
public final class PeftAdapters {
    private PeftAdapters() {
    }

    /**
     * Attaches the adapter in {@code dir} to {@code model}; close the result to take it off again.
     *
     * @throws IOException when a file is missing or unreadable, or the adapter does not fit the model (a module
     *         without its tensors, a tensor of another shape, a tensor for no adapted module); the message names the
     *         file
     */
    public static LoraModel attach(Path dir, LoadedModel model) throws IOException {
        Path configFile = dir.resolve(PeftExporter.CONFIG);
        Path weightsFile = dir.resolve(PeftExporter.WEIGHTS);
        for (Path f : List.of(configFile, weightsFile)) {
            if (!Files.isRegularFile(f)) {
                throw new IOException(f + " not found");
            }
        }
        LoraConfig config = config(configFile);
        LoraModel lora;
        try {
            lora = LoraModel.attach(model.model(), config, model.manager(), 0);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
        try (NDManager m = model.manager().newSubManager()) {
            Map<String, NDArray> tensors = new LinkedHashMap<>(SafetensorsReader.read(weightsFile, m));
            for (LoraAdapter a : lora.adapters()) {
                load(a.a(), tensors.remove(PeftExporter.peftName(a.module(), true)),
                        PeftExporter.peftName(a.module(), true), weightsFile);
                load(a.b(), tensors.remove(PeftExporter.peftName(a.module(), false)),
                        PeftExporter.peftName(a.module(), false), weightsFile);
            }
            if (!tensors.isEmpty()) {
                throw new IOException(weightsFile + ": tensor " + tensors.keySet().iterator().next()
                        + " belongs to no module the adapter's target_modules " + config.targetModules()
                        + " select in this model");
            }
            return lora;
        } catch (IOException | RuntimeException e) {
            lora.close();
            throw e;
        }
    }

    private static void load(NDArray target, NDArray source, String name, Path file) throws IOException {
        if (source == null) {
            throw new IOException(file + ": tensor " + name + " is missing");
        }
        if (!source.getShape().equals(target.getShape())) {
            throw new IOException(file + ": tensor " + name + " has shape " + source.getShape() + ", the model needs "
                    + target.getShape());
        }
        target.set(source.toType(DataType.FLOAT32, false).toByteBuffer());
    }

    /** The adapter's settings; dropout plays no part in evaluation. */
    static LoraConfig config(Path file) throws IOException {
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            JsonObject o = e.getAsJsonObject();
            if (o.has("peft_type") && !"LORA".equals(o.get("peft_type").getAsString())) {
                throw new IllegalArgumentException("peft_type " + o.get("peft_type").getAsString()
                        + " is not supported, only LORA");
            }
            int r = number(o, "r").intValue();
            double alpha = number(o, "lora_alpha").doubleValue();
            double dropout = o.has("lora_dropout") && !o.get("lora_dropout").isJsonNull()
                    ? number(o, "lora_dropout").doubleValue() : 0;
            JsonElement t = o.get("target_modules");
            if (t == null || !t.isJsonArray()) {
                throw new IllegalArgumentException("target_modules must be a list of module names");
            }
            List<String> targets = new ArrayList<>();
            for (JsonElement m : (JsonArray) t) {
                targets.add(m.getAsString());
            }
            return new LoraConfig(r, alpha, dropout, targets);
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Number number(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return e.getAsNumber();
    }
}
