package org.reasonlab.train.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.train.lora.LoraAdapter;
import org.reasonlab.train.lora.LoraModel;
import org.reasonlab.train.model.Architecture;
import org.reasonlab.train.model.Bf16;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoadException;
import org.reasonlab.train.model.SafetensorsReader;
import org.reasonlab.train.model.SafetensorsWriter;

/**
 * Writes a trained LoRA adapter in PEFT's layout ({@code adapter_config.json} +
 * {@code adapter_model.safetensors}, tensors {@code base_model.model.<module>.lora_A.weight} [r, in]
 * and {@code .lora_B.weight} [out, r]), and optionally the merged model in Hugging Face layout.
 */
public final class PeftExporter {
    public static final String CONFIG = "adapter_config.json";
    public static final String WEIGHTS = "adapter_model.safetensors";
    public static final String PREFIX = "base_model.model.";

    private PeftExporter() {
    }

    /** PEFT's tensor name of a module's A or B matrix. */
    public static String peftName(String module, boolean a) {
        return PREFIX + module + (a ? LoraModel.A_SUFFIX : LoraModel.B_SUFFIX);
    }

    /**
     * Writes {@code dir/adapter_config.json} and {@code dir/adapter_model.safetensors}.
     *
     * @param baseModel {@code base_model_name_or_path} (the model folder or name as given)
     */
    public static void writeAdapter(Path dir, LoraModel lora, String baseModel) throws IOException {
        Files.createDirectories(dir);
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (LoraAdapter a : lora.adapters()) {
            tensors.put(peftName(a.module(), true), a.a());
            tensors.put(peftName(a.module(), false), a.b());
        }
        Path tmp = Files.createTempFile(dir, "." + WEIGHTS, ".tmp");
        try {
            SafetensorsWriter.write(tmp, tensors, Map.of());
            Files.move(tmp, dir.resolve(WEIGHTS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        byte[] json = adapterConfig(lora, baseModel).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(CONFIG), out -> out.write(json));
    }

    /** The {@code adapter_config.json} text. */
    public static String adapterConfig(LoraModel lora, String baseModel) {
        JsonObject o = new JsonObject();
        o.addProperty("peft_type", "LORA");
        o.addProperty("task_type", "CAUSAL_LM");
        if (baseModel == null) {
            o.add("base_model_name_or_path", JsonNull.INSTANCE);
        } else {
            o.addProperty("base_model_name_or_path", baseModel);
        }
        o.addProperty("r", lora.config().r());
        double alpha = lora.config().alpha();
        if (alpha == Math.rint(alpha)) {
            o.addProperty("lora_alpha", (long) alpha);
        } else {
            o.addProperty("lora_alpha", alpha);
        }
        o.addProperty("lora_dropout", lora.config().dropout());
        JsonArray targets = new JsonArray();
        lora.config().targetModules().forEach(targets::add);
        o.add("target_modules", targets);
        o.addProperty("bias", "none");
        o.addProperty("fan_in_fan_out", lora.model().config().architecture() == Architecture.GPT2);
        o.addProperty("inference_mode", true);
        o.addProperty("init_lora_weights", true);
        o.add("modules_to_save", JsonNull.INSTANCE);
        o.addProperty("use_rslora", false);
        o.addProperty("use_dora", false);
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    /**
     * Writes the base model with {@code W + scaling * B A} merged into every adapted layer, in HF
     * layout ({@code config.json}, {@code model.safetensors}, tokenizer files copied), float32. With
     * {@code lora} null the model's weights are written as they are (a fully fine-tuned model).
     * Weights held in bf16 (a LoRA base under {@code --precision bf16}) are read again from the
     * source checkpoint, so untouched tensors equal the source exactly and {@code W} is the source's.
     */
    public static void writeMerged(Path dir, LoadedModel base, LoraModel lora) throws IOException {
        Files.createDirectories(dir);
        Map<String, LoraAdapter> byWeight = new LinkedHashMap<>();
        if (lora != null) {
            for (LoraAdapter a : lora.adapters()) {
                byWeight.put(a.module() + ".weight", a);
            }
        }
        try (NDManager m = base.manager().newSubManager(); NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, Parameter> e : base.model().namedParameters().entrySet()) {
                NDArray w = e.getValue().getArray();
                if (Bf16.is(w)) {
                    w = base.readSource(e.getKey(), cpu);
                }
                LoraAdapter a = byWeight.get(e.getKey());
                if (a != null) {
                    NDArray d = a.delta(m);
                    NDArray merged = d.toDevice(w.getDevice(), false).add(w);
                    merged.attach(m);
                    w = merged;
                }
                tensors.put(e.getKey(), w);
            }
            SafetensorsWriter.write(dir.resolve(SafetensorsReader.SINGLE_FILE), tensors,
                    Map.of("reasonlab", "merged LoRA"));
        } catch (ModelLoadException e) {
            throw new IOException(e.getMessage(), e);
        }
        for (String f : new String[] {"config.json", "tokenizer.json", "tokenizer_config.json", "generation_config.json",
                "special_tokens_map.json"}) {
            Path src = base.folder().resolve(f);
            if (Files.isRegularFile(src)) {
                Files.copy(src, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
