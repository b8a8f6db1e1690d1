package org.reasonlab.core.agreement;

/**
 * Cohen's kappa of two annotators from their confusion matrix over the records both labelled:
 * kappa = (p_o - p_e) / (1 - p_e), p_o the share of records they agree on and p_e = sum_j
 * (a_j / n)(b_j / n) from each annotator's own label totals a_j and b_j. Computed on whole numbers
 * as (n t - s) / (n&#178; - s) with t the agreements and s = sum_j a_j b_j, so that p_e = 1 (both
 * gave one and the same label throughout) is recognised exactly.
 */
final class CohenKappa {
    private CohenKappa() {
    }

    /** {@code confusion[a * labels + b]}: records the first annotator gave label a and the second label b. */
    static Coefficient of(int[] confusion, int labels) {
        long n = 0;
        long agreements = 0;
        long[] rows = new long[labels];
        long[] columns = new long[labels];
        for (int a = 0; a < labels; a++) {
            for (int b = 0; b < labels; b++) {
                int c = confusion[a * labels + b];
                n += c;
                rows[a] += c;
                columns[b] += c;
            }
            agreements += confusion[a * labels + a];
        }
        if (n == 0) {
            return Coefficient.undefined(Undefined.NO_OVERLAP, 0);
        }
        long chance = 0;
        for (int j = 0; j < labels; j++) {
            chance += rows[j] * columns[j];
        }
        if (chance == n * n) {
            return Coefficient.undefined(Undefined.ONE_LABEL, (int) n);
        }
        return Coefficient.of((double) (n * agreements - chance) / (n * n - chance), (int) n);
    }
}
