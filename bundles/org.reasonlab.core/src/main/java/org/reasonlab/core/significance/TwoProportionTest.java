package org.reasonlab.core.significance;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The pooled two-sided z-test for the difference of two proportions k1/n1 and k2/n2 from independent samples (e.g.
 * the accuracies of two runs on different test sets):
 * <pre>
 *   p&#770; = (k1 + k2) / (n1 + n2)
 *   z = (k1/n1 - k2/n2) / &#8730;(p&#770; (1 - p&#770;) (1/n1 + 1/n2))
 *   p = 2 &#183; &#934;(-|z|)
 * </pre>
 * with &#934; the standard normal distribution function. When p&#770; is 0 or 1 both proportions are equal and the
 * standard error is 0; then z = 0 and p = 1. For two runs on the same items, {@link McNemarTest} is the right test.
 *
 * @param k1 successes in the first sample
 * @param n1 size of the first sample
 * @param k2 successes in the second sample
 * @param n2 size of the second sample
 * @param difference k1/n1 - k2/n2
 * @param z the test statistic
 * @param p the two-sided p-value
 */
public record TwoProportionTest(int k1, int n1, int k2, int n2, double difference, double z, double p) {

    /**
     * @throws IllegalArgumentException when a sample is empty or a count is negative or exceeds its sample size
     */
    public static TwoProportionTest of(int k1, int n1, int k2, int n2) {
        check(k1, n1);
        check(k2, n2);
        double difference = (double) k1 / n1 - (double) k2 / n2;
        long successes = (long) k1 + k2;
        long total = (long) n1 + n2;
        if (successes == 0 || successes == total) {
            return new TwoProportionTest(k1, n1, k2, n2, difference, 0, 1);
        }
        double pooled = (double) successes / total;
        double z = difference / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        // Phi(-|z|) rather than 1 - Phi(|z|): the lower tail keeps its precision for large |z|.
        double p = Math.min(1, 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z)));
        return new TwoProportionTest(k1, n1, k2, n2, difference, z, p);
    }

    private static void check(int k, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("sample size must be positive: " + n);
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("successes must be in [0, " + n + "]: " + k);
        }
    }
}
