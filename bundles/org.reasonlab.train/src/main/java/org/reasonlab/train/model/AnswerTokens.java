package org.reasonlab.train.model;

import java.util.Arrays;

/**
 * The one rule for the tokens of a prompt and of the answer after it, used by training, generation
 * and likelihood scoring, so that a label is scored with exactly the ids training taught.
 *
 * <p>The prompt's trailing whitespace belongs to the answer: the context is the prompt without it
 * ({@link #context}), and the answer's ids are those of {@code prompt + answer} tokenised as one
 * text after the context's ids ({@link #answer}). Tokenising the answer on its own would not do:
 * a SentencePiece tokenizer prepends a space to every text it encodes, so a prompt ending in
 * {@code "Answer: "} followed by the separately encoded {@code "ethical"} reads
 * {@code "Answer:  ethical"}; the model learns the double space and generates a stray space, and
 * the label scored as one text is not the one it learned.
 */
public final class AnswerTokens {
    private final ModelTokenizer tokenizer;

    public AnswerTokens(ModelTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The prompt's ids (with BOS where the model expects it), trailing whitespace left to the answer. */
    public long[] context(String prompt) {
        return tokenizer.encode(prompt.stripTrailing());
    }

    /**
     * Prompt and answer ids: the context ({@link #context}) and the ids of {@code prompt + answer} as
     * one text beyond it. Should a tokenizer merge a token across the boundary, the context is the
     * longest prefix the two share and the answer the rest.
     */
    public Example split(String prompt, String answer) {
        long[] context = context(prompt);
        long[] whole = tokenizer.encode(prompt + answer);
        int shared = commonPrefix(context, whole);
        return new Example(shared == context.length ? context : Arrays.copyOf(whole, shared),
                Arrays.copyOfRange(whole, shared, whole.length));
    }

    /** A prompt's ids and its answer's ids, as training feeds them one after the other. */
    public record Example(long[] prompt, long[] answer) {
        /** This example with {@code eos} after the answer, as training ends it; itself when {@code eos} is null. */
        public Example withEnd(Integer eos) {
            if (eos == null) {
                return this;
            }
            long[] ended = Arrays.copyOf(answer, answer.length + 1);
            ended[answer.length] = eos;
            return new Example(prompt, ended);
        }

        /** Both, in one sequence. */
        public long[] ids() {
            long[] ids = Arrays.copyOf(prompt, prompt.length + answer.length);
            System.arraycopy(answer, 0, ids, prompt.length, answer.length);
            return ids;
        }
    }

    /** The whitespace the context leaves off the prompt, which a generated answer starts with. */
    public static String movedWhitespace(String prompt) {
        return prompt.substring(prompt.stripTrailing().length());
    }

    /**
     * A generated continuation of {@link #context} as text after the whole prompt: without the
     * prompt's moved whitespace when it starts with it (a trained model does).
     */
    public static String afterPrompt(String prompt, String generated) {
        String moved = movedWhitespace(prompt);
        return !moved.isEmpty() && generated.startsWith(moved) ? generated.substring(moved.length()) : generated;
    }

    public static int commonPrefix(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }
}
