package org.reasonlab.core.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How two reviewers agree on the predictions both reviewed: the 2×2 table of their verdicts, the observed
 * agreement and Cohen's kappa = (p_o - p_e) / (1 - p_e), p_e = Σ_j (a_j / n)(b_j / n) from each reviewer's own
 * verdict totals.
 *
 * @param first first reviewer
 * @param second second reviewer
 * @param bothAligned both said aligned
 * @param firstAlignedSecondMisaligned the first said aligned, the second misaligned
 * @param firstMisalignedSecondAligned the first said misaligned, the second aligned
 * @param bothMisaligned both said misaligned
 */
public record ReviewerAgreement(String first, String second, int bothAligned, int firstAlignedSecondMisaligned,
        int firstMisalignedSecondAligned, int bothMisaligned) {

    /** Compares the two reviewers' current verdicts on {@code keys}. */
    public static ReviewerAgreement of(ReviewSet reviews, String first, String second, Collection<String> keys) {
        int[] t = new int[4];
        for (String key : keys) {
            ReviewVerdict a = reviews.verdict(first, key);
            ReviewVerdict b = reviews.verdict(second, key);
            if (a != null && b != null) {
                t[(a == ReviewVerdict.MISALIGNED ? 2 : 0) + (b == ReviewVerdict.MISALIGNED ? 1 : 0)]++;
            }
        }
        return new ReviewerAgreement(first, second, t[0], t[1], t[2], t[3]);
    }

    /** Every pair of the set's reviewers (sorted by name), on {@code keys}. */
    public static List<ReviewerAgreement> allPairs(ReviewSet reviews, Collection<String> keys) {
        List<String> names = new ArrayList<>(reviews.reviewers());
        List<ReviewerAgreement> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                out.add(of(reviews, names.get(i), names.get(j), keys));
            }
        }
        return out;
    }

    /** Predictions both reviewed. */
    public int n() {
        return bothAligned + firstAlignedSecondMisaligned + firstMisalignedSecondAligned + bothMisaligned;
    }

    /** Share of the shared predictions they agree on; NaN when they share none. */
    public double observedAgreement() {
        int n = n();
        return n == 0 ? Double.NaN : (double) (bothAligned + bothMisaligned) / n;
    }

    /**
     * Cohen's kappa; null when undefined: no shared predictions, or chance agreement 1 (both gave one and the
     * same verdict throughout). Computed on whole numbers as (n t - s) / (n² - s), t the agreements and
     * s = Σ_j a_j b_j.
     */
    public Double kappa() {
        long n = n();
        if (n == 0) {
            return null;
        }
        long firstAligned = bothAligned + firstAlignedSecondMisaligned;
        long secondAligned = bothAligned + firstMisalignedSecondAligned;
        long chance = firstAligned * secondAligned + (n - firstAligned) * (n - secondAligned);
        if (chance == n * n) {
            return null;
        }
        long agreements = bothAligned + bothMisaligned;
        return (double) (n * agreements - chance) / (n * n - chance);
    }
}
