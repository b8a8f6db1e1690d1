package org.reasonlab.core.significance;

import java.util.List;

/**
 * Fleiss' kappa (Fleiss 1971) for N items, each rated by the same number m &#8805; 2 of raters into k categories.
 * With n_ij the raters who put item i into category j:
 * <pre>
 *   P_i = (&#931;_j n_ij&#178; - m) / (m (m - 1))        agreement on item i
 *   P&#772;   = (1/N) &#931;_i P_i
 *   p_j = &#931;_i n_ij / (N m)                       share of category j
 *   P_e = &#931;_j p_j&#178;
 *   &#954;   = (P&#772; - P_e) / (1 - P_e)
 * </pre>
 * Kappa is undefined (null) without items, or when P_e = 1, i.e. every rating fell into one category. The raters need
 * not be the same people on every item. For items with different numbers of ratings see the agreement package.
 */
public final class FleissKappa {
    private FleissKappa() {
    }

    /**
     * @param itemCounts one array per item: how many raters chose each category, in the same category order for all
     *            items
     * @return Fleiss' kappa, or null when it is undefined
     * @throws IllegalArgumentException when an item is null, a count is negative, the items differ in their number
     *             of categories or of raters, or there are fewer than 2 raters per item
     */
    public static Double of(List<int[]> itemCounts) {
        if (itemCounts.isEmpty()) {
            return null;
        }
        int items = itemCounts.size();
        int categories = -1;
        long raters = -1;
        long[] totals = null;
        long sumOfSquares = 0;
        for (int i = 0; i < items; i++) {
            int[] counts = itemCounts.get(i);
            if (counts == null) {
                throw new IllegalArgumentException("item " + i + " is null");
            }
            if (categories < 0) {
                categories = counts.length;
                totals = new long[categories];
            } else if (counts.length != categories) {
                throw new IllegalArgumentException(
                        "item " + i + " has " + counts.length + " categories, item 0 has " + categories);
            }
            long m = 0;
            for (int j = 0; j < categories; j++) {
                if (counts[j] < 0) {
                    throw new IllegalArgumentException("item " + i + " has a negative count: " + counts[j]);
                }
                m += counts[j];
                totals[j] += counts[j];
                sumOfSquares += (long) counts[j] * counts[j];
            }
            if (raters < 0) {
                raters = m;
            } else if (m != raters) {
                throw new IllegalArgumentException("item " + i + " has " + m + " ratings, item 0 has " + raters);
            }
        }
        if (raters < 2) {
            throw new IllegalArgumentException("each item needs at least 2 ratings, not " + raters);
        }
        int usedCategories = 0;
        for (long t : totals) {
            if (t > 0) {
                usedCategories++;
            }
        }
        // P_e = 1 exactly when all ratings share one category; checked on the counts, not on rounded shares.
        if (usedCategories <= 1) {
            return null;
        }
        double ratings = (double) items * raters;
        double observed = (sumOfSquares - ratings) / (ratings * (raters - 1));
        double expected = 0;
        for (long t : totals) {
            double share = t / ratings;
            expected += share * share;
        }
        return (observed - expected) / (1 - expected);
    }
}
