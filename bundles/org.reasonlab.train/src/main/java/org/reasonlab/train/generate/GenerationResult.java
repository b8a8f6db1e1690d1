package org.reasonlab.train.generate;

import java.util.List;

/**
 * What {@link Generator} produced.
 *
 * @param tokens     the new token ids (prompt and a final EOS not included)
 * @param text       their text (cut before a stop string when one was hit)
 * @param stopReason {@link #EOS}, {@link #STOP_STRING}, {@link #MAX_NEW_TOKENS} or {@link #CONTEXT_FULL}
 * @param promptTokensDropped prompt tokens left out from the left to fit the sequence length (0 = none)
 */
public record GenerationResult(List<Integer> tokens, String text, String stopReason, int promptTokensDropped) {
    public static final String EOS = "eos";
    public static final String STOP_STRING = "stop_string";
    public static final String MAX_NEW_TOKENS = "max_new_tokens";
    public static final String CONTEXT_FULL = "context_full";

    public GenerationResult {
        tokens = List.copyOf(tokens);
    }

    /** The same result with another text (the tokens stay). */
    public GenerationResult withText(String other) {
        return new GenerationResult(tokens, other, stopReason, promptTokensDropped);
    }

    /** Whether generation stopped at the token limit (or the context's end) rather than at EOS or a stop string. */
    public boolean truncated() {
        return MAX_NEW_TOKENS.equals(stopReason) || CONTEXT_FULL.equals(stopReason);
    }

    /** A result of a prompt that fitted whole. */
    public GenerationResult(List<Integer> tokens, String text, String stopReason) {
        this(tokens, text, stopReason, 0);
    }
}
