package org.reasonlab.train.training;

/**
 * One training sequence: {@code ids} = prompt tokens (BOS first where the model uses one) + answer
 * tokens + EOS; tokens at index {@code lossStart} and later are predicted with loss.
 */
public record TokenizedExample(long[] ids, int lossStart) {
    public int length() {
        return ids.length;
    }

    /** Tokens that count in the loss. */
    public int lossTokens() {
        return ids.length - lossStart;
    }
}
