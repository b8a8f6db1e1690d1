package org.reasonlab.core.agreement;

/**
 * Krippendorff's alpha for nominal labels by the coincidence-matrix method of Krippendorff (2011),
 * "Computing Krippendorff's Alpha-Reliability": missing ratings are allowed and records with fewer
 * than two ratings (not pairable) are left out. For nominal data only the matrix's diagonal and
 * its margins are needed: a record u with m_u ratings, n_uc of them label c, adds
 * n_uc (n_uc - 1) / (m_u - 1) to o_cc and n_uc to n_c, and
 * alpha = 1 - (n - 1) (n - sum_c o_cc) / (n&#178; - sum_c n_c&#178;).
 */
final class KrippendorffAlpha {
    private final long[] valueTotals;
    private double diagonal;
    private long pairableValues;
    private int items;

    KrippendorffAlpha(int labelCount) {
        valueTotals = new long[labelCount];
    }

    void add(LabelTally tally) {
        int m = tally.total();
        if (m < 2) {
            return;
        }
        for (int u = 0; u < tally.distinctLabels(); u++) {
            valueTotals[tally.label(u)] += tally.countOf(u);
        }
        diagonal += (double) tally.agreeingPairs() / (m - 1);
        pairableValues += m;
        items++;
    }

    Coefficient result() {
        if (items == 0) {
            return Coefficient.undefined(Undefined.NO_OVERLAP, 0);
        }
        double sumSquares = 0;
        int valuesUsed = 0;
        for (long total : valueTotals) {
            if (total > 0) {
                valuesUsed++;
                sumSquares += (double) total * total;
            }
        }
        if (valuesUsed < 2) {
            return Coefficient.undefined(Undefined.ONE_LABEL, items);
        }
        double n = pairableValues;
        return Coefficient.of(1 - (n - 1) * (n - diagonal) / (n * n - sumSquares), items);
    }
}
