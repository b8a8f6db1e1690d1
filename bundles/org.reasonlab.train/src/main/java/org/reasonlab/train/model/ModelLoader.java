package org.reasonlab.train.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/**
 * Loads a Hugging Face model folder ({@code config.json}, safetensors weights, {@code tokenizer.json})
 * into a {@link LoadedModel}. The checkpoint's header is checked against the config before any
 * weight is read: every expected tensor must be there with the expected shape.
 */
public final class ModelLoader {
    private static final System.Logger LOG = System.getLogger(ModelLoader.class.getName());

    private ModelLoader() {
    }

    /** Builds the (empty) decoder for a config. */
    public static CausalLm create(ModelConfig config) {
        return switch (config.architecture()) {
            case LLAMA -> new LlamaModel(config);
            case GPT2 -> new Gpt2Model(config);
        };
    }

    /** Loads in float32 ({@link Precision#FP32}, every weight float32). */
    public static LoadedModel load(Path folder, NDManager parent, Device device) throws ModelLoadException {
        return load(folder, parent, device, Precision.FP32, true);
    }

    /**
     * @param folder    model folder
     * @param parent    manager under which the weights' sub-manager is created
     * @param device    device for the weights (CPU or GPU)
     * @param precision the matrix products' precision
     * @param trainBase whether the base weights will be trained (full fine-tuning): they then stay
     *                  float32 master weights. Otherwise (LoRA, evaluation, generation) under bf16 the
     *                  dense layers' weights are stored in bf16, half the memory; embeddings and norms
     *                  stay float32.
     */
    public static LoadedModel load(Path folder, NDManager parent, Device device, Precision precision,
            boolean trainBase) throws ModelLoadException {
        if (!Files.isDirectory(folder)) {
            throw new ModelLoadException("model folder not found: " + folder);
        }
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(folder.resolve("config.json"))) {
            missing.add("config.json");
        }
        boolean hasWeights = Files.isRegularFile(folder.resolve(SafetensorsReader.SINGLE_FILE))
                || Files.isRegularFile(folder.resolve(SafetensorsReader.INDEX_FILE));
        if (!hasWeights) {
            String hint = Files.isRegularFile(folder.resolve("pytorch_model.bin"))
                    ? " (only pytorch_model.bin found: convert it to safetensors)" : "";
            missing.add("model weights (" + SafetensorsReader.SINGLE_FILE + " or " + SafetensorsReader.INDEX_FILE + ")" + hint);
        }
        if (!Files.isRegularFile(folder.resolve(TokenizerLoader.TOKENIZER_FILE))) {
            missing.add(TokenizerLoader.TOKENIZER_FILE);
        }
        if (!missing.isEmpty()) {
            throw new ModelLoadException("model folder " + folder + " is missing: " + String.join(", ", missing));
        }
        ModelConfig config = ModelConfig.read(folder.resolve("config.json"));
        Map<String, SafetensorsReader.TensorInfo> headers = SafetensorsReader.readHeaders(folder);
        CausalLm model = create(config);
        List<String> warnings = new ArrayList<>();
        Map<String, SafetensorsReader.TensorInfo> chosen = match(config, model, headers, warnings);
        NDManager manager = parent.newSubManager(device);
        ModelTokenizer tokenizer = null;
        boolean bf16Weights = precision == Precision.BF16 && !trainBase;
        Set<String> linearWeights = new HashSet<>();
        model.linearModules().keySet().forEach(m -> linearWeights.add(m + ".weight"));
        try {
            for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                SafetensorsReader.TensorInfo info = chosen.get(e.getKey());
                NDArray a;
                try (NDManager tmp = parent.newSubManager(Device.cpu())) {
                    NDArray cpu = SafetensorsReader.load(info, tmp);
                    a = cpu.getDevice().equals(device) ? cpu : cpu.toDevice(device, true);
                    if (bf16Weights && linearWeights.contains(e.getKey())) {
                        // cast on the device: a bf16 array cannot be moved by DJL (see Bf16)
                        NDArray f32 = a;
                        a = Bf16.of(f32);
                        f32.close();
                    }
                    a.attach(manager);
                }
                e.getValue().setArray(a);
            }
            model.setPrecision(precision);
            tokenizer = TokenizerLoader.load(folder, config.bosTokenId());
        } catch (ModelLoadException | RuntimeException e) {
            model.close();
            manager.close();
            throw e;
        }
        for (String w : warnings) {
            LOG.log(System.Logger.Level.WARNING, w);
        }
        return new LoadedModel(folder, config, model, tokenizer, manager, warnings, precision, bf16Weights, chosen);
    }

    /** Maps each expected parameter to its checkpoint tensor, checking presence and shape. */
    static Map<String, SafetensorsReader.TensorInfo> match(ModelConfig config, CausalLm model,
            Map<String, SafetensorsReader.TensorInfo> headers, List<String> warnings) throws ModelLoadException {
        Map<String, SafetensorsReader.TensorInfo> chosen = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, Shape> e : model.expectedShapes().entrySet()) {
            String name = e.getKey();
            SafetensorsReader.TensorInfo info = headers.get(name);
            if (info == null && name.startsWith("transformer.")) {
                info = headers.get(name.substring("transformer.".length()));
            }
            if (info == null) {
                missing.add(name);
                continue;
            }
            long[] expected = e.getValue().getShape();
            if (!Arrays.equals(expected, info.shape())) {
                throw new ModelLoadException("tensor " + info.name() + " in " + info.file().getFileName() + " has shape "
                        + Arrays.toString(info.shape()) + ", expected " + Arrays.toString(expected)
                        + " for the config (" + config.modelType() + ", hidden " + config.hiddenSize() + ", heads "
                        + config.numHeads() + "/" + config.numKvHeads() + ", vocab " + config.vocabSize() + ")");
            }
            if (SafetensorsReader.dtypeSize(info.dtype()) < 0 || !isFloat(info.dtype())) {
                throw new ModelLoadException("tensor " + info.name() + " in " + info.file().getFileName() + " has dtype "
                        + info.dtype() + "; weights must be F32, F16, BF16 or F64");
            }
            chosen.put(name, info);
            used.add(info.name());
        }
        if (!missing.isEmpty()) {
            int n = missing.size();
            List<String> shown = missing.subList(0, Math.min(10, n));
            throw new ModelLoadException("checkpoint is missing " + n + " tensor(s) the config requires: "
                    + String.join(", ", shown) + (n > 10 ? ", ..." : ""));
        }
        List<String> extra = new ArrayList<>();
        for (String name : headers.keySet()) {
            if (!used.contains(name) && !ignorable(name, config)) {
                extra.add(name);
            }
        }
        if (!extra.isEmpty()) {
            int n = extra.size();
            warnings.add("checkpoint has " + n + " unexpected tensor(s), ignored: "
                    + String.join(", ", extra.subList(0, Math.min(10, n))) + (n > 10 ? ", ..." : ""));
        }
        return chosen;
    }

    private static boolean isFloat(String dtype) {
        return dtype.equals("F32") || dtype.equals("F16") || dtype.equals("BF16") || dtype.equals("F64");
    }

    /** Buffers and duplicates that transformers itself saves but does not load. */
    private static boolean ignorable(String name, ModelConfig c) {
        return name.endsWith("rotary_emb.inv_freq") || name.endsWith(".attn.bias") || name.endsWith(".attn.masked_bias")
                || (c.tieWordEmbeddings() && name.equals("lm_head.weight"));
    }
}
