package org.reasonlab.core.agreement;

/**
 * Fleiss' kappa for nominal labels over the records with two or more ratings. Records may have
 * different numbers of ratings; this is the usual generalisation of Fleiss (1971): a record's
 * agreement is P_i = sum_j n_ij (n_ij - 1) / (n_i (n_i - 1)), P&#772; is their mean, the label
 * shares p_j are taken over all ratings of those records (sum_i n_ij / sum_i n_i), and
 * kappa = (P&#772; - P&#772;e) / (1 - P&#772;e) with P&#772;e = sum_j p_j&#178;. With the same
 * number of ratings on every record it is Fleiss' original coefficient.
 */
final class FleissKappa {
    private final long[] labelTotals;
    private double sumAgreement;
    private long ratings;
    private int items;

    FleissKappa(int labelCount) {
        labelTotals = new long[labelCount];
    }

    void add(LabelTally tally) {
        int n = tally.total();
        if (n < 2) {
            return;
        }
        for (int u = 0; u < tally.distinctLabels(); u++) {
            labelTotals[tally.label(u)] += tally.countOf(u);
        }
        sumAgreement += (double) tally.agreeingPairs() / ((long) n * (n - 1));
        ratings += n;
        items++;
    }

    Coefficient result() {
        if (items == 0) {
            return Coefficient.undefined(Undefined.NO_OVERLAP, 0);
        }
        double expected = 0;
        int labelsUsed = 0;
        for (long total : labelTotals) {
            if (total > 0) {
                labelsUsed++;
                double p = (double) total / ratings;
                expected += p * p;
            }
        }
        // One label only means P̄e = 1 exactly; decided on the counts, not on a rounded sum.
        if (labelsUsed < 2) {
            return Coefficient.undefined(Undefined.ONE_LABEL, items);
        }
        double observed = sumAgreement / items;
        return Coefficient.of((observed - expected) / (1 - expected), items);
    }
}
