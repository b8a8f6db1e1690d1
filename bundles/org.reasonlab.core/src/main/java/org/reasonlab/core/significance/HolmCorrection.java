package org.reasonlab.core.significance;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm&#8211;Bonferroni adjusted p-values for m comparisons made together. With the p-values sorted ascending,
 * p(1) &#8804; ... &#8804; p(m), the adjusted value of the i-th smallest is
 * <pre>
 *   p'(i) = max over j &#8804; i of min(1, (m - j + 1) &#183; p(j))
 * </pre>
 * (the running maximum keeps the adjusted values in the same order as the raw ones). Rejecting every hypothesis with
 * p' &#8804; &#945; controls the family-wise error rate at &#945;. Equals statsmodels' {@code multipletests(p,
 * method="holm")[1]}.
 */
public final class HolmCorrection {
    private HolmCorrection() {
    }

    /**
     * @param p the raw p-values, each in [0, 1]
     * @return the adjusted p-values, in the order of {@code p}; empty for no p-values
     * @throws IllegalArgumentException when a p-value is NaN or outside [0, 1]
     */
    public static double[] adjust(double... p) {
        int m = p.length;
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("p-value must be in [0, 1]: " + v);
            }
        }
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
