package org.reasonlab.core.review;

import java.util.Collection;
import java.util.Map;

/**
 * The share of reviewed generated reasons judged misaligned with the predicted label, with its 95% Wilson
 * interval.
 *
 * <ul>
 * <li>{@link #of(ReviewSet, String, Collection) one reviewer}: misaligned / reviewed over that reviewer's
 * current verdicts on the given predictions.</li>
 * <li>{@link #pooled(ReviewSet, Collection) pooled}: one verdict per prediction, the majority of its reviewers'
 * current verdicts; predictions whose reviewers are split evenly are left out and counted in {@code ties}.</li>
 * </ul>
 *
 * @param misaligned predictions judged misaligned
 * @param reviewed predictions with a verdict (the denominator)
 * @param ties predictions left out because their reviewers split evenly (always 0 for one reviewer)
 * @param interval the 95% Wilson interval, null when nothing was reviewed
 */
public record MisalignmentRate(int misaligned, int reviewed, int ties, WilsonInterval interval) {

    public static MisalignmentRate of(int misaligned, int reviewed, int ties) {
        return new MisalignmentRate(misaligned, reviewed, ties,
                reviewed == 0 ? null : WilsonInterval.of95(misaligned, reviewed));
    }

    /** misaligned / reviewed; NaN when nothing was reviewed. */
    public double rate() {
        return reviewed == 0 ? Double.NaN : (double) misaligned / reviewed;
    }

    /**
     * @param keys the predictions of the run ({@link ReviewSet#keyOf}); reviews of other keys are ignored
     */
    public static MisalignmentRate of(ReviewSet reviews, String reviewer, Collection<String> keys) {
        int reviewed = 0;
        int misaligned = 0;
        for (String key : keys) {
            ReviewVerdict v = reviews.verdict(reviewer, key);
            if (v != null) {
                reviewed++;
                misaligned += v == ReviewVerdict.MISALIGNED ? 1 : 0;
            }
        }
        return of(misaligned, reviewed, 0);
    }

    /** Majority verdict per prediction over all reviewers; see the class comment. */
    public static MisalignmentRate pooled(ReviewSet reviews, Collection<String> keys) {
        int reviewed = 0;
        int misaligned = 0;
        int ties = 0;
        for (String key : keys) {
            Map<String, ReviewVerdict> verdicts = reviews.verdictsOn(key);
            if (verdicts.isEmpty()) {
                continue;
            }
            long bad = verdicts.values().stream().filter(v -> v == ReviewVerdict.MISALIGNED).count();
            long good = verdicts.size() - bad;
            if (bad == good) {
                ties++;
            } else {
                reviewed++;
                misaligned += bad > good ? 1 : 0;
            }
        }
        return of(misaligned, reviewed, ties);
    }
}
