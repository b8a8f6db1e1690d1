package org.reasonlab.core.stats;

import java.util.Arrays;

/**
 * The distribution of a length (words or characters) over records.
 * Percentiles use the nearest-rank method: p10 is the smallest value with at least 10% of the
 * values at or below it. The median of an even count is the mean of the two middle values. All
 * fields are 0 (and the histogram empty) when there are no values.
 */
public record LengthSummary(int count, int min, int max, double mean, double median, int p10, int p90,
        Histogram histogram) {

    /** The summary of the values, in any order (the array is not changed). */
    public static LengthSummary of(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return new LengthSummary(0, 0, 0, 0, 0, 0, 0, Histogram.of(sorted));
        }
        long sum = 0;
        for (int v : sorted) {
            sum += v;
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
        return new LengthSummary(n, sorted[0], sorted[n - 1], (double) sum / n, median, percentile(sorted, 10),
                percentile(sorted, 90), Histogram.of(sorted));
    }

    private static int percentile(int[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
