package org.reasonlab.train.generate;

import java.util.List;

/**
 * How to generate.
 *
 * @param maxNewTokens tokens to generate at most
 * @param temperature  0 = greedy (argmax); otherwise logits are divided by it before sampling
 * @param topK         keep the k most likely tokens (0 = all)
 * @param topP         nucleus sampling: keep the smallest set with probability >= topP (1 = all)
 * @param seed         seed of the sampling RNG (same seed, same output)
 * @param stopAtEos    stop when the model emits an end-of-sequence token
 * @param stopStrings  stop when the generated text contains one of these (the text is cut before it)
 */
public record GenerationOptions(int maxNewTokens, double temperature, int topK, double topP, long seed,
        boolean stopAtEos, List<String> stopStrings) {

    public GenerationOptions {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0, was " + maxNewTokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, was " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        stopStrings = stopStrings == null ? List.of() : List.copyOf(stopStrings);
        for (String s : stopStrings) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("stop strings must not be empty");
            }
        }
    }

    /** Greedy decoding of up to {@code maxNewTokens}, stopping at EOS. */
    public static GenerationOptions greedy(int maxNewTokens) {
        return new GenerationOptions(maxNewTokens, 0, 0, 1.0, 0L, true, List.of());
    }

    public GenerationOptions withMaxNewTokens(int n) {
        return new GenerationOptions(n, temperature, topK, topP, seed, stopAtEos, stopStrings);
    }

    public GenerationOptions withSampling(double newTemperature, int newTopK, double newTopP, long newSeed) {
        return new GenerationOptions(maxNewTokens, newTemperature, newTopK, newTopP, newSeed, stopAtEos, stopStrings);
    }

    public GenerationOptions withStopAtEos(boolean stop) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, seed, stop, stopStrings);
    }

    public GenerationOptions withStopStrings(List<String> stops) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, seed, stopAtEos, stops);
    }
}
