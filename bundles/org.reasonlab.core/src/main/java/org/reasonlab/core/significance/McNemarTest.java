package org.reasonlab.core.significance;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * McNemar's exact test of two runs evaluated on the same items. Only the discordant items carry information:
 * {@code b} items the first run got right and the second wrong, {@code c} items the second run got right and the
 * first wrong. Under the null hypothesis (both runs equally accurate) each discordant item goes either way with
 * probability 1/2, so b ~ Binomial(b + c, 1/2), and the two-sided p-value is
 * <pre>
 *   p = min(1, 2 &#183; P(X &#8804; min(b, c))),   X ~ Binomial(b + c, 1/2)
 * </pre>
 * with p = 1 when there are no discordant items. This equals {@code scipy.stats.binomtest(min(b, c), b + c, 0.5)}.
 *
 * @param b items the first run got right and the second wrong
 * @param c items the second run got right and the first wrong
 * @param p the two-sided exact p-value
 */
public record McNemarTest(int b, int c, double p) {

    /**
     * @throws IllegalArgumentException when a count is negative
     */
    public static McNemarTest of(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("counts must not be negative: b=" + b + ", c=" + c);
        }
        // |b - c| <= 1 (including b = c = 0): P(X <= min(b, c)) >= 1/2 by symmetry, so p = 1 exactly; summing
        // would give 1 - 1e-16 for an odd number of discordant items.
        if (Math.abs(b - c) <= 1) {
            return new McNemarTest(b, c, 1);
        }
        int n = b + c;
        BinomialDistribution x = new BinomialDistribution(n, 0.5);
        // Summing the probabilities keeps small tails exact; cumulativeProbability is 1 - I_x(a, b) and would
        // round a tail below about 1e-16 to 0.
        double tail = 0;
        for (int i = 0; i <= Math.min(b, c); i++) {
            tail += x.probability(i);
        }
        return new McNemarTest(b, c, Math.min(1, 2 * tail));
    }

    /** @return b + c, the items on which the two runs disagree in correctness */
    public int discordant() {
        return b + c;
    }
}
