package org.reasonlab.core.review;

/**
 * The Wilson score interval of a proportion k / n: centre (p + z²/2n) / (1 + z²/n), half-width
 * z √(p(1-p)/n + z²/4n²) / (1 + z²/n). Unlike p ± z√(p(1-p)/n) it stays inside [0, 1] and is not empty at
 * k = 0 or k = n.
 *
 * @param low lower bound; 0 when k = 0
 * @param high upper bound; 1 when k = n
 */
public record WilsonInterval(double low, double high) {
    /** z for a two-sided 95% interval (the 0.975 quantile of the standard normal). */
    public static final double Z95 = 1.959963984540054;

    /** The 95% interval; {@code n} must be positive. */
    public static WilsonInterval of95(int k, int n) {
        return of(k, n, Z95);
    }

    public static WilsonInterval of(int k, int n, double z) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n > 0, got k=" + k + " n=" + n);
        }
        double p = (double) k / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        double low = k == 0 ? 0.0 : Math.max(0.0, centre - half);
        double high = k == n ? 1.0 : Math.min(1.0, centre + half);
        return new WilsonInterval(low, high);
    }
}
