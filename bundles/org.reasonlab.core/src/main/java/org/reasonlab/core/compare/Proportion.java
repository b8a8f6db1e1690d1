package org.reasonlab.core.compare;

import org.reasonlab.core.review.WilsonInterval;

/**
 * k of n, e.g. correct predictions of those evaluated.
 *
 * @param k the count
 * @param n the denominator
 */
public record Proportion(int k, int n) {
    public Proportion {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + " n=" + n);
        }
    }

    /** k / n; null when n is 0. */
    public Double rate() {
        return n == 0 ? null : (double) k / n;
    }

    /** The 95% Wilson interval; null when n is 0. */
    public WilsonInterval wilson() {
        return n == 0 ? null : WilsonInterval.of95(k, n);
    }
}
