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
 * @param maxSequenceLength prompt + new tokens the prompt is fitted into ({@code PromptFit}: a longer
 *                     prompt loses tokens from the left, BOS kept), as in training; 0 = the model's context
 */
public record GenerationOptions(int maxNewTokens, double temperature, int topK, double topP, long seed,
        boolean stopAtEos, List<String> stopStrings, int maxSequenceLength) {

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
        if (maxSequenceLength < 0) {
            throw new IllegalArgumentException("maxSequenceLength must be >= 0, was " + maxSequenceLength);
        }
        stopStrings = stopStrings == null ? List.of() : List.copyOf(stopStrings);
        for (String s : stopStrings) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("stop strings must not be empty");
            }
        }
    }

    /** Options fitting prompts into the model's context only. */
    public GenerationOptions(int maxNewTokens, double temperature, int topK, double topP, long seed,
            boolean stopAtEos, List<String> stopStrings) {
        this(maxNewTokens, temperature, topK, topP, seed, stopAtEos, stopStrings, 0);
    }

    /** Greedy decoding of up to {@code maxNewTokens}, stopping at EOS. */
    public static GenerationOptions greedy(int maxNewTokens) {
        return new GenerationOptions(maxNewTokens, 0, 0, 1.0, 0L, true, List.of());
    }

    public GenerationOptions withMaxNewTokens(int n) {
        return new GenerationOptions(n, temperature, topK, topP, seed, stopAtEos, stopStrings, maxSequenceLength);
    }

    public GenerationOptions withSampling(double newTemperature, int newTopK, double newTopP, long newSeed) {
        return new GenerationOptions(maxNewTokens, newTemperature, newTopK, newTopP, newSeed, stopAtEos, stopStrings,
                maxSequenceLength);
    }

    public GenerationOptions withStopAtEos(boolean stop) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, seed, stop, stopStrings, maxSequenceLength);
    }

    public GenerationOptions withStopStrings(List<String> stops) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, seed, stopAtEos, stops, maxSequenceLength);
    }

    /** These options with prompts fitted into {@code tokens} (the run's maxSequenceLength; 0 = the context). */
    public GenerationOptions withMaxSequenceLength(int tokens) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, seed, stopAtEos, stopStrings, tokens);
    }
}
