package org.reasonlab.core.significance;

/**
 * Percentiles by linear interpolation between order statistics, Hyndman and Fan's type 7 (the default of R's
 * {@code quantile} and of {@code numpy.percentile}): for sorted x[0..N-1] and q in [0, 1], h = (N - 1) q and
 * <pre>
 *   Q(q) = x[&#8970;h&#8971;] + (h - &#8970;h&#8971;) &#183; (x[&#8970;h&#8971; + 1] - x[&#8970;h&#8971;])
 * </pre>
 * (just x[&#8970;h&#8971;] when &#8970;h&#8971; is the last index).
 */
final class Percentiles {
    private Percentiles() {
    }

    /**
     * @param sorted values in ascending order, at least one
     * @param q the quantile, in [0, 1]
     */
    static double type7(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        if (below + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
