package org.reasonlab.core.traces;

import java.util.Arrays;

/**
 * The distribution of trace lengths in words. Quartiles and median by linear interpolation between order statistics
 * (Hyndman and Fan's type 7, the default of R's {@code quantile} and numpy's {@code percentile}), so the median of
 * an even count is the mean of the two middle values. All figures are 0 when there are no values.
 */
public record LengthDistribution(int count, int min, double q1, double median, double q3, int max, double mean) {

    /** The distribution of the values, in any order (the array is not changed). */
    public static LengthDistribution of(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return new LengthDistribution(0, 0, 0, 0, 0, 0, 0);
        }
        long sum = 0;
        for (int v : sorted) {
            sum += v;
        }
        return new LengthDistribution(n, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted[n - 1], (double) sum / n);
    }

    /** The type 7 quantile of ascending values, at least one; q in [0, 1]. */
    static double quantile(int[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        if (below + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
