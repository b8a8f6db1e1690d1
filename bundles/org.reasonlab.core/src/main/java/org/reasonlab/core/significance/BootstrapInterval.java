package org.reasonlab.core.significance;

/**
 * A percentile bootstrap confidence interval: {@code low} and {@code high} are the 2.5th and 97.5th percentiles of
 * the statistic over {@code resamples} resampled data sets, {@code estimate} the statistic on the data as they are.
 * How the resamples are drawn from the seed is documented on {@link PairedBootstrap}.
 *
 * @param estimate the statistic on all items
 * @param low the lower end of the 95% interval
 * @param high the upper end of the 95% interval
 * @param resamples how many resampled data sets
 * @param seed the seed of the {@link java.util.SplittableRandom} that drew them
 */
public record BootstrapInterval(double estimate, double low, double high, int resamples, long seed) {
}
