package org.reasonlab.core.significance;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.reasonlab.core.eval.ClassificationMetrics;

/**
 * A seeded, paired percentile bootstrap of the difference between two runs evaluated on the same n items: resample the
 * items with replacement, compute the statistic of both runs on the same resample, and take the 2.5th and 97.5th
 * percentiles of the differences as a 95% interval. Pairing (one index set for both runs) removes the variation due to
 * item difficulty, which both runs share.
 * <p>
 * The resampling is fixed so that it can be re-implemented and reproduced on any JVM:
 * <pre>
 *   SplittableRandom random = new SplittableRandom(seed);
 *   for r = 0 .. resamples - 1:
 *       for j = 0 .. n - 1: index[j] = random.nextInt(n)        // draws in this order, nothing else drawn
 *       difference[r] = statistic(first, index) - statistic(second, index)
 *   sort difference ascending
 *   low = Q(0.025), high = Q(0.975)   with Q the type-7 percentile (numpy.percentile's default):
 *       h = (resamples - 1) q, Q(q) = d[&#8970;h&#8971;] + (h - &#8970;h&#8971;) (d[&#8970;h&#8971; + 1] - d[&#8970;h&#8971;])
 * </pre>
 * {@code SplittableRandom} is SplitMix64, unchanged since Java 8: each {@code nextInt()} adds the constant
 * 0x9e3779b97f4a7c15 to a 64-bit state (starting at {@code seed}) and returns the upper 32 bits of
 * {@code mix32(state)}; {@code nextInt(n)} takes {@code nextInt() & (n - 1)} when n is a power of two, else
 * {@code u % n} with {@code u = nextInt() >>> 1}, drawing again while {@code u + (n - 1) - u % n} overflows an int.
 * <p>
 * The statistics: for accuracy, (number of resampled items the first run got right - number the second got right) / n;
 * for macro-F1, {@link ClassificationMetrics#compute(List, List, List)}'s macro-F1 of each run on the resampled items.
 */
public final class PairedBootstrap {
    /** The usual number of resamples: enough for stable 2.5% and 97.5% percentiles. */
    public static final int DEFAULT_RESAMPLES = 10_000;

    private static final double LOWER = 0.025;
    private static final double UPPER = 0.975;

    private PairedBootstrap() {
    }

    /**
     * @param firstCorrect per item whether the first run was right
     * @param secondCorrect per item whether the second run was right, in the same item order
     * @param resamples how many resamples, at least 1 (usually {@link #DEFAULT_RESAMPLES})
     * @param seed the seed of the resampling
     * @return the interval of accuracy(first) - accuracy(second)
     * @throws IllegalArgumentException when the arrays differ in length or are empty, or resamples &lt; 1
     */
    public static BootstrapInterval accuracyDifference(boolean[] firstCorrect, boolean[] secondCorrect, int resamples,
            long seed) {
        int n = pairedSize(firstCorrect.length, secondCorrect.length);
        checkResamples(resamples);
        int[] difference = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            difference[i] = (firstCorrect[i] ? 1 : 0) - (secondCorrect[i] ? 1 : 0);
            total += difference[i];
        }
        ToDoubleFunction<int[]> statistic = index -> {
            int sum = 0;
            for (int i : index) {
                sum += difference[i];
            }
            return (double) sum / n;
        };
        return interval((double) total / n, n, statistic, resamples, seed);
    }

    /**
     * @param gold the gold labels, each one of {@code labels}
     * @param firstPredicted the first run's predictions at the same positions, each one of {@code labels} or null
     *            for unparseable
     * @param secondPredicted the second run's predictions, likewise
     * @param labels the labels, each once
     * @param resamples how many resamples, at least 1 (usually {@link #DEFAULT_RESAMPLES})
     * @param seed the seed of the resampling
     * @return the interval of macroF1(first) - macroF1(second)
     * @throws IllegalArgumentException when the lists differ in length or are empty, a label is not one of
     *             {@code labels}, or resamples &lt; 1
     */
    public static BootstrapInterval macroF1Difference(List<String> gold, List<String> firstPredicted,
            List<String> secondPredicted, List<String> labels, int resamples, long seed) {
        int n = pairedSize(firstPredicted.size(), secondPredicted.size());
        if (gold.size() != n) {
            throw new IllegalArgumentException(gold.size() + " gold labels but " + n + " predictions per run");
        }
        checkResamples(resamples);
        double estimate = ClassificationMetrics.compute(gold, firstPredicted, labels).macroF1()
                - ClassificationMetrics.compute(gold, secondPredicted, labels).macroF1();
        ResampledMacroF1 first = new ResampledMacroF1(gold, firstPredicted, labels);
        ResampledMacroF1 second = new ResampledMacroF1(gold, secondPredicted, labels);
        return interval(estimate, n, index -> first.on(index) - second.on(index), resamples, seed);
    }

    /**
     * The percentile interval of one run's macro-F1, resampling its items as the paired intervals do.
     *
     * @param gold the gold labels, each one of {@code labels}
     * @param predicted the run's predictions at the same positions, each one of {@code labels} or null
     * @param labels the labels, each once
     * @throws IllegalArgumentException when the lists differ in length or are empty, a label is not one of
     *             {@code labels}, or resamples &lt; 1
     */
    public static BootstrapInterval macroF1(List<String> gold, List<String> predicted, List<String> labels,
            int resamples, long seed) {
        int n = pairedSize(gold.size(), predicted.size());
        checkResamples(resamples);
        double estimate = ClassificationMetrics.compute(gold, predicted, labels).macroF1();
        ResampledMacroF1 run = new ResampledMacroF1(gold, predicted, labels);
        return interval(estimate, n, run::on, resamples, seed);
    }

    private static BootstrapInterval interval(double estimate, int n, ToDoubleFunction<int[]> difference,
            int resamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] index = new int[n];
        double[] differences = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            for (int j = 0; j < n; j++) {
                index[j] = random.nextInt(n);
            }
            differences[r] = difference.applyAsDouble(index);
        }
        Arrays.sort(differences);
        return new BootstrapInterval(estimate, Percentiles.type7(differences, LOWER),
                Percentiles.type7(differences, UPPER), resamples, seed);
    }

    private static int pairedSize(int first, int second) {
        if (first != second) {
            throw new IllegalArgumentException("the runs cover " + first + " and " + second + " items");
        }
        if (first == 0) {
            throw new IllegalArgumentException("no items");
        }
        return first;
    }

    private static void checkResamples(int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1: " + resamples);
        }
    }
}
