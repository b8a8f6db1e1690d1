package org.reasonlab.core.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.reasonlab.core.run.Prediction;

/** The filters of the predictions browser; several together keep the predictions that pass all of them. */
public enum PredictionFilter {
    /** A label was read and it is not the gold label (unparseable answers are {@link #UNPARSEABLE}). */
    WRONG_LABEL,
    /** No label could be read from the answer. */
    UNPARSEABLE,
    /** The generated reason argues for another label than the predicted one ({@code reasonAgrees == false}). */
    REASON_CONTRADICTS_LABEL,
    /** The reviewer has no current verdict on it. */
    NOT_REVIEWED;

    /**
     * @param key the prediction's key ({@link ReviewSet#keyOf})
     * @param reviews needed by {@link #NOT_REVIEWED} only
     * @param reviewer needed by {@link #NOT_REVIEWED} only
     */
    public boolean test(Prediction p, String key, ReviewSet reviews, String reviewer) {
        return switch (this) {
            case WRONG_LABEL -> p.predictedLabel() != null && !p.predictedLabel().equals(p.goldLabel());
            case UNPARSEABLE -> !p.parseable();
            case REASON_CONTRADICTS_LABEL -> Boolean.FALSE.equals(p.reasonAgrees());
            case NOT_REVIEWED -> reviews == null || reviewer == null || reviews.verdict(reviewer, key) == null;
        };
    }

    /**
     * The positions (0-based, ascending) of the predictions that pass every filter; no filters keep all.
     */
    public static List<Integer> select(List<Prediction> predictions, Collection<PredictionFilter> filters,
            ReviewSet reviews, String reviewer) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            String key = ReviewSet.keyOf(p, i);
            boolean keep = true;
            for (PredictionFilter f : filters) {
                if (!f.test(p, key, reviews, reviewer)) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The first position after {@code from} (wrapping around) that the reviewer has not reviewed and that has a
     * generated reason, -1 when there is none: the keyboard's "next unreviewed".
     */
    public static int nextUnreviewed(List<Prediction> predictions, ReviewSet reviews, String reviewer, int from) {
        int n = predictions.size();
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(from + step, n);
            Prediction p = predictions.get(i);
            if (p.generatedReason() != null && reviews.verdict(reviewer, ReviewSet.keyOf(p, i)) == null) {
                return i;
            }
        }
        return -1;
    }
}
