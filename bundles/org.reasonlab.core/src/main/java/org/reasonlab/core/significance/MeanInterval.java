package org.reasonlab.core.significance;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a few values (typically one score per seed) with a Student-t confidence interval:
 * <pre>
 *   mean &#177; t(1 - &#945;/2, n - 1) &#183; sd / &#8730;n,   &#945; = 1 - confidence
 * </pre>
 * where sd is the sample standard deviation (divisor n - 1) and t(q, df) the q-quantile of Student's t with df degrees
 * of freedom. This is {@code scipy.stats.t.interval(confidence, n - 1, loc=mean, scale=scipy.stats.sem(values))}.
 * With a single value, sd and the interval are undefined (NaN).
 *
 * @param n how many values
 * @param mean their arithmetic mean
 * @param sd their sample standard deviation, NaN when n = 1
 * @param low the lower end of the interval, NaN when n = 1
 * @param high the upper end of the interval, NaN when n = 1
 */
public record MeanInterval(int n, double mean, double sd, double low, double high) {

    /** The precision of the t quantile; Commons Math's default (1e-9) would show in the ninth digit. */
    private static final double QUANTILE_ACCURACY = 1e-12;

    /** The 95% interval; see {@link #of(double, double...)}. */
    public static MeanInterval of95(double... values) {
        return of(0.95, values);
    }

    /**
     * @param confidence the coverage of the interval, strictly between 0 and 1, e.g. 0.95
     * @param values the values, at least one, all finite
     * @throws IllegalArgumentException when there are no values, a value is NaN or infinite, or the confidence is
     *             not strictly between 0 and 1
     */
    public static MeanInterval of(double confidence, double... values) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1: " + confidence);
        }
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value is not a finite number: " + v);
            }
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanInterval(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(n - 1, QUANTILE_ACCURACY).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double half = t * sd / Math.sqrt(n);
        return new MeanInterval(n, mean, sd, mean - half, mean + half);
    }

    /** @return half the width of the interval, t &#183; sd / &#8730;n; NaN when n = 1 */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
