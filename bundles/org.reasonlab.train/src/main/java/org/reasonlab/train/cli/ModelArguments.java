package org.reasonlab.train.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.train.model.TinyModelPreset;

/**
 * {@code --model PATH|tiny}, {@code --device auto|cpu|gpu} and {@code --precision auto|fp32|bf16}, as
 * every trainer command reads them (device and precision in lower case).
 */
public record ModelArguments(String model, String device, String precision) {
    /** The options this record reads. */
    public static final Set<String> OPTIONS = Set.of("model", "device", "precision");

    /**
     * @param defaultModel the model when {@code --model} is absent; null makes {@code --model} required
     */
    public static ModelArguments parse(CliArguments args, String defaultModel) throws UsageException {
        String model = args.option("model").orElse(defaultModel);
        if (model == null) {
            throw new UsageException("--model is required");
        }
        return new ModelArguments(model, args.choiceOption("device", RunSpec.DEVICES),
                args.choiceOption("precision", RunSpec.PRECISIONS));
    }

    /** Whether the model is the built-in {@code tiny} preset (a folder named {@code tiny} in the working directory wins). */
    public boolean isTinyPreset() {
        return model.equals(TinyModelPreset.NAME) && !Files.isDirectory(Path.of(model));
    }
}
