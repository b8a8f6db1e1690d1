package org.reasonlab.core.stats;

import java.util.Arrays;

/**
 * Counts of values in bins {@code [0,w), [w,2w), ...}; the last bin is open-ended and also holds
 * every larger value.
 *
 * @param binWidth the width w of each bin, at least 1
 * @param counts the count per bin (a copy is kept and returned)
 */
public record Histogram(int binWidth, int[] counts) {

    /** About this many bins are used. */
    public static final int TARGET_BINS = 20;

    public Histogram {
        if (binWidth < 1) {
            throw new IllegalArgumentException("binWidth must be at least 1: " + binWidth);
        }
        counts = counts.clone();
    }

    /**
     * A histogram of about {@value #TARGET_BINS} bins whose width is a round number (1, 2, 5, 10,
     * 20, 25, 50, 100, ...) chosen so that the bins cover the values up to the 99th percentile;
     * larger outliers go into the open last bin.
     *
     * @param sorted the values, ascending, none negative
     */
    static Histogram of(int[] sorted) {
        if (sorted.length == 0) {
            return new Histogram(1, new int[0]);
        }
        int p99 = sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)];
        int width = roundWidth((p99 + TARGET_BINS) / TARGET_BINS); // ceil((p99 + 1) / 20)
        int bins = p99 / width + 1;
        if (sorted[sorted.length - 1] / width + 1 > bins) {
            bins++; // one open bin for the outliers
        }
        int[] counts = new int[bins];
        for (int v : sorted) {
            counts[Math.min(bins - 1, Math.max(0, v) / width)]++;
        }
        return new Histogram(width, counts);
    }

    /** The smallest of 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, ... that is at least raw. */
    static int roundWidth(int raw) {
        for (long scale = 1; scale < Integer.MAX_VALUE; scale *= 10) {
            long[] candidates = scale >= 10 ? new long[] {scale, 2 * scale, 5 * scale / 2, 5 * scale}
                    : new long[] {scale, 2 * scale, 5 * scale};
            for (long c : candidates) {
                if (c >= raw) {
                    return (int) c;
                }
            }
        }
        return raw;
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    public int count(int bin) {
        return counts[bin];
    }

    /** The smallest value in a bin. */
    public int lowerBound(int bin) {
        return bin * binWidth;
    }

    /** "0-4", "5-9", ... for width 5, or "5" for width 1; the last bin "95+" when it is open-ended. */
    public String label(int bin) {
        int low = lowerBound(bin);
        if (bin == counts.length - 1 && counts.length > 1) {
            return low + "+";
        }
        return binWidth == 1 ? Integer.toString(low) : low + "-" + (low + binWidth - 1);
    }

    public int total() {
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.binWidth == binWidth && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * binWidth + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[binWidth=" + binWidth + ", counts=" + Arrays.toString(counts) + "]";
    }
}
