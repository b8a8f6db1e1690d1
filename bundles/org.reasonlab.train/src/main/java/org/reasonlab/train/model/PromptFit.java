package org.reasonlab.train.model;

/**
 * The one rule for prompts that do not fit, used by training, generation and likelihood scoring
 * alike: prompt tokens are dropped from the left (the statement's start goes first; its end and the
 * answer cue stay), a leading BOS is kept, and prompt + answer stay within the sequence length
 * training used ({@code min(maxSequenceLength, context)}). Training knows the answer's length;
 * generation reserves {@code maxNewTokens} for it instead (the gold answer's length would hint at
 * the label), and scoring reserves the longest scored continuation.
 */
public final class PromptFit {
    private PromptFit() {
    }

    /**
     * The prompt cut to at most {@code max} tokens: itself when it fits, else BOS (when it starts with
     * {@code bos}) + its last tokens; never fewer than BOS + one token.
     */
    public static long[] left(long[] prompt, int max, Integer bos) {
        int keepHead = startsWithBos(prompt, bos) ? 1 : 0;
        int room = Math.max(max, keepHead + 1);
        if (prompt.length <= room) {
            return prompt;
        }
        long[] p = new long[room];
        System.arraycopy(prompt, 0, p, 0, keepHead);
        System.arraycopy(prompt, prompt.length - (room - keepHead), p, keepHead, room - keepHead);
        return p;
    }

    /**
     * Prompt tokens allowed when {@code answer} tokens must follow within the sequence length.
     *
     * @param maxSequenceLength the run's {@code maxSequenceLength}; 0 or less = the model's context
     * @param context the model's context (n_positions / max_position_embeddings)
     */
    public static int budget(int maxSequenceLength, int context, int answer) {
        int length = maxSequenceLength > 0 ? Math.min(maxSequenceLength, context) : context;
        return length - answer;
    }

    static boolean startsWithBos(long[] ids, Integer bos) {
        return bos != null && ids.length > 0 && ids[0] == bos;
    }
}
