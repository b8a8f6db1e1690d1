package org.reasonlab.core.agreement;

/**
 * Pairwise percent agreement: for each record with two or more ratings, the share of its pairs of
 * ratings that agree, averaged over those records (each record weighs the same, however many
 * annotators it has). With two annotators this is the share of records they agree on. It equals
 * the observed agreement P&#772; of Fleiss' kappa.
 */
final class PercentAgreement {
    private double sum;
    private int items;

    void add(LabelTally tally) {
        int n = tally.total();
        if (n < 2) {
            return;
        }
        sum += (double) tally.agreeingPairs() / ((long) n * (n - 1));
        items++;
    }

    Coefficient result() {
        return items == 0 ? Coefficient.undefined(Undefined.NO_OVERLAP, 0) : Coefficient.of(sum / items, items);
    }
}
