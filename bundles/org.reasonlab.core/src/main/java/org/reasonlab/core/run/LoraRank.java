package org.reasonlab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * LoRA's rank against the model's width: adapters of rank r on a layer of width d are low-rank only while r &lt; d,
 * so a larger r (the paper's 64 on the 64-wide {@code tiny} model, say) is allowed but warned about, by the trainer
 * once the model is loaded and by the launch dialog from the model folder's {@code config.json}.
 */
public final class LoraRank {
    /** The hidden size of the built-in {@value RunSpec#TINY_MODEL} model. */
    public static final int TINY_HIDDEN_SIZE = 64;
    /** Where Hugging Face configs keep the hidden size: Llama-family, GPT-2. */
    private static final List<String> HIDDEN_SIZE_KEYS = List.of("hidden_size", "n_embd");

    private LoraRank() {
    }

    /** The warning for rank {@code r} on a model of {@code hiddenSize}, if r is not below it. */
    public static Optional<String> warning(int r, int hiddenSize) {
        return r >= hiddenSize ? Optional.of("LoRA r " + r + " is not below the model's hidden size " + hiddenSize
                + ": the adapters are not low-rank") : Optional.empty();
    }

    /** The hidden size of a run's model ({@code tiny}, or a folder with {@code config.json}); empty when unknown. */
    public static OptionalInt hiddenSize(String model) {
        if (RunSpec.TINY_MODEL.equals(model)) {
            return OptionalInt.of(TINY_HIDDEN_SIZE);
        }
        Path dir = model == null || model.isBlank() ? null : RunSettings.path(model);
        if (dir == null || !Files.isRegularFile(dir.resolve("config.json"))) {
            return OptionalInt.empty();
        }
        try {
            JsonElement config = JsonFields.parse(Files.readString(dir.resolve("config.json"), StandardCharsets.UTF_8));
            if (config.isJsonObject()) {
                JsonObject o = config.getAsJsonObject();
                for (String key : HIDDEN_SIZE_KEYS) {
                    Integer size = JsonFields.optionalInt(o, key);
                    if (size != null) {
                        return OptionalInt.of(size);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable config is the model check's to report; no width, no warning
        }
        return OptionalInt.empty();
    }
}
