package org.reasonlab.train.training;

/**
 * One training sequence: {@code ids} = prompt tokens (BOS first where the model uses one) + answer
 * tokens + EOS; tokens at index {@code lossStart} and later are predicted with loss, each with weight
 * {@code lossWeight}, except the {@code masked} ones (mask-based mitigation; null: none masked).
 *
 * @param pair the index of its counterfactual pair in {@link TrainingData#pairs()}, -1 for none
 */
public record TokenizedExample(long[] ids, int lossStart, float lossWeight, boolean[] masked, int pair) {

    /** A sequence with every token from {@code lossStart} in the loss, with weight 1. */
    public TokenizedExample(long[] ids, int lossStart) {
        this(ids, lossStart, 1f, null, -1);
    }

    public int length() {
        return ids.length;
    }

    /** Tokens that count in the loss: from {@code lossStart}, not masked. */
    public int lossTokens() {
        int n = 0;
        for (int j = lossStart; j < ids.length; j++) {
            n += inLoss(j) ? 1 : 0;
        }
        return n;
    }

    /** Whether token {@code j} is predicted with loss. */
    public boolean inLoss(int j) {
        return j >= lossStart && (masked == null || !masked[j]);
    }
}
