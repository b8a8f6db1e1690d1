package org.reasonlab.train.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;

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

    LoadedModel(Path folder, ModelConfig config, CausalLm model, ModelTokenizer tokenizer, NDManager manager,
            List<String> warnings) {
        this.folder = folder;
        this.config = config;
        this.model = model;
        this.tokenizer = tokenizer;
        this.manager = manager;
        this.warnings = List.copyOf(warnings);
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
