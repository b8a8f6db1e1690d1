package org.reasonlab.train.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A model ready to run: config, DJL decoder (parameters on {@link #manager()}), tokenizer, and the
 * load's warnings. Closing it frees the weights and the tokenizer.
 */
public final class LoadedModel implements AutoCloseable {
    private final Path folder;
    private final ModelConfig config;
    private final CausalLm model;
    private final ModelTokenizer tokenizer;
    private final NDManager manager;
    private final List<String> warnings;
    private final Precision precision;
    private final boolean bf16Weights;
    private final Map<String, SafetensorsReader.TensorInfo> sources;

    LoadedModel(Path folder, ModelConfig config, CausalLm model, ModelTokenizer tokenizer, NDManager manager,
            List<String> warnings, Precision precision, boolean bf16Weights,
            Map<String, SafetensorsReader.TensorInfo> sources) {
        this.folder = folder;
        this.config = config;
        this.model = model;
        this.tokenizer = tokenizer;
        this.manager = manager;
        this.warnings = List.copyOf(warnings);
        this.precision = precision;
        this.bf16Weights = bf16Weights;
        this.sources = Map.copyOf(sources);
    }

    public Path folder() {
        return folder;
    }

    public ModelConfig config() {
        return config;
    }

    public CausalLm model() {
        return model;
    }

    public ModelTokenizer tokenizer() {
        return tokenizer;
    }

    /** The manager holding the weights; run work on sub-managers of it. */
    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The precision the model was loaded for. */
    public Precision precision() {
        return precision;
    }

    /** Whether the dense layers' weights are stored in bf16 (frozen: they cannot be trained). */
    public boolean bf16Weights() {
        return bf16Weights;
    }

    /**
     * A parameter's tensor exactly as the checkpoint holds it, read again from the model folder,
     * as float32 on the CPU (for exports of a model whose weights are stored in bf16).
     */
    public NDArray readSource(String name, NDManager cpuManager) throws ModelLoadException {
        SafetensorsReader.TensorInfo info = sources.get(name);
        if (info == null) {
            throw new ModelLoadException("the model has no parameter " + name);
        }
        return SafetensorsReader.load(info, cpuManager);
    }

    /** Non-fatal findings of the load (e.g. unexpected extra tensors). */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
        manager.close();
    }
}
