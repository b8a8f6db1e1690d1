package org.reasonlab.train.eval;

/**
 * A model's answer to one prompt.
 *
 * @param text the generated text (prompt not included, cut before a stop string)
 * @param truncated whether generation stopped at the token limit rather than at the answer's end
 */
public record GeneratedAnswer(String text, boolean truncated) {
    public GeneratedAnswer {
        text = text == null ? "" : text;
    }

    /** An answer that ended by itself. */
    public static GeneratedAnswer complete(String text) {
        return new GeneratedAnswer(text, false);
    }
}
