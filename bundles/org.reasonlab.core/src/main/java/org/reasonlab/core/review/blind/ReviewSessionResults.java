package org.reasonlab.core.review.blind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.review.ReviewSet;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.review.ReviewerAgreement;
import org.reasonlab.core.significance.FleissKappa;
import org.reasonlab.core.significance.TwoProportionTest;

/**
 * What a blinded review session found, unblinded: shown after the session. Every figure comes twice, on all of
 * the session's items and on the leakage-free ones (predictions not marked {@code leaked}).
 *
 * <p>Only the session's verdicts count: per run and prediction, each reviewer's latest line with the session's
 * id ({@link ReviewSet#sessionReview}). A reviewer is anyone with at least one such verdict on the session's items.
 *
 * <ul>
 * <li><b>Per run</b> ({@link RunResult}): the pooled misalignment rate ({@link MisalignmentRate}), one verdict per
 * item, the majority of its reviewers' verdicts; items whose reviewers split evenly are left out and counted as
 * {@code ties}; with the 95% Wilson interval.</li>
 * <li><b>Per pair of runs</b> ({@link RunComparison}): a two-proportion z test of their pooled rates
 * ({@link TwoProportionTest}; null when either run has no reviewed item).</li>
 * <li><b>Between reviewers</b> ({@link Agreement}): Cohen's kappa per pair of reviewers over the items both
 * reviewed ({@link ReviewerAgreement}), and Fleiss' kappa over the items every reviewer reviewed (categories
 * aligned and misaligned; null with fewer than two reviewers or no such item).</li>
 * </ul>
 *
 * @param sessionId the session's id
 * @param items N, the session's items
 * @param reviewers the reviewers, sorted
 * @param runs per run, in the session file's order
 * @param comparisons per pair of runs (i &lt; j), in the order (0,1), (0,2), ..., (1,2), ...
 * @param agreement between reviewers, on all items
 * @param cleanAgreement between reviewers, on the leakage-free items
 */
public record ReviewSessionResults(String sessionId, int items, List<String> reviewers, List<RunResult> runs,
        List<RunComparison> comparisons, Agreement agreement, Agreement cleanAgreement) {

    public ReviewSessionResults {
        reviewers = List.copyOf(reviewers);
        runs = List.copyOf(runs);
        comparisons = List.copyOf(comparisons);
    }

    /**
     * One run's figures.
     *
     * @param run the run's position in the session file
     * @param folder the run folder
     * @param name the run folder's name
     * @param items the session's items of this run
     * @param cleanItems of those, the leakage-free ones
     * @param misalignment pooled over reviewers, on all its items
     * @param cleanMisalignment pooled over reviewers, on its leakage-free items
     * @param unreadableReviewLines lines of its {@code reviews.jsonl} that are not reviews (not counted)
     */
    public record RunResult(int run, Path folder, String name, int items, int cleanItems, MisalignmentRate misalignment,
            MisalignmentRate cleanMisalignment, int unreadableReviewLines) {
    }

    /**
     * Two runs' misalignment rates compared: k1 / n1 of run {@code first} against k2 / n2 of run {@code second}.
     *
     * @param first a run's position
     * @param second a later run's position
     * @param test on all items; null when either run has no reviewed item
     * @param cleanTest on the leakage-free items; null when either run has no reviewed leakage-free item
     */
    public record RunComparison(int first, int second, TwoProportionTest test, TwoProportionTest cleanTest) {
    }

    /**
     * Agreement between the reviewers.
     *
     * @param pairs Cohen's kappa per pair of reviewers ({@link ReviewerAgreement#kappa()}), over the items both
     *        reviewed, pairs in name order
     * @param fleissKappa Fleiss' kappa over the items every reviewer reviewed; null with fewer than two reviewers,
     *        no such item, or when undefined
     * @param fleissItems how many items every reviewer reviewed (0 with fewer than two reviewers)
     */
    public record Agreement(List<ReviewerAgreement> pairs, Double fleissKappa, int fleissItems) {
        public Agreement {
            pairs = List.copyOf(pairs);
        }
    }

    /** Reads the runs' {@code reviews.jsonl} again ({@link ReviewSession#reload}) and computes the results. */
    public static ReviewSessionResults compute(ReviewSession session) throws IOException {
        session.reload();
        return of(session);
    }

    /** The results from the review files as the session last read them. */
    public static ReviewSessionResults of(ReviewSession session) {
        String id = session.id();
        List<String> reviewers = List.copyOf(session.reviewers());
        int runCount = session.runFolders().size();
        // per item: reviewer -> verdict (the session's current ones), sorted by reviewer
        List<Map<String, ReviewVerdict>> verdicts = new ArrayList<>();
        for (int i = 0; i < session.size(); i++) {
            ReviewSessionFile.Item item = session.itemAt(i);
            ReviewSet set = session.reviewSet(item.run());
            Map<String, ReviewVerdict> byReviewer = new TreeMap<>();
            for (String reviewer : reviewers) {
                ReviewVerdict v = set.sessionVerdict(id, reviewer, item.key());
                if (v != null) {
                    byReviewer.put(reviewer, v);
                }
            }
            verdicts.add(byReviewer);
        }

        List<RunResult> runs = new ArrayList<>();
        for (int run = 0; run < runCount; run++) {
            int[] all = new int[4]; // items, misaligned, reviewed, ties
            int[] clean = new int[4];
            for (int i = 0; i < session.size(); i++) {
                if (session.itemAt(i).run() != run) {
                    continue;
                }
                count(all, verdicts.get(i));
                if (!session.prediction(i).leaked()) {
                    count(clean, verdicts.get(i));
                }
            }
            Path folder = session.runFolders().get(run);
            runs.add(new RunResult(run, folder, folder.getFileName() == null ? folder.toString()
                    : folder.getFileName().toString(), all[0], clean[0], MisalignmentRate.of(all[1], all[2], all[3]),
                    MisalignmentRate.of(clean[1], clean[2], clean[3]),
                    session.reviewSet(run).problems().size()));
        }

        List<RunComparison> comparisons = new ArrayList<>();
        for (int a = 0; a < runCount; a++) {
            for (int b = a + 1; b < runCount; b++) {
                comparisons.add(new RunComparison(a, b, test(runs.get(a).misalignment(), runs.get(b).misalignment()),
                        test(runs.get(a).cleanMisalignment(), runs.get(b).cleanMisalignment())));
            }
        }

        List<Map<String, ReviewVerdict>> cleanVerdicts = new ArrayList<>();
        for (int i = 0; i < session.size(); i++) {
            if (!session.prediction(i).leaked()) {
                cleanVerdicts.add(verdicts.get(i));
            }
        }
        return new ReviewSessionResults(id, session.size(), reviewers, runs, comparisons,
                agreement(reviewers, verdicts), agreement(reviewers, cleanVerdicts));
    }

    /** Adds an item to {items, misaligned, reviewed, ties}: its majority verdict, as in MisalignmentRate.pooled. */
    private static void count(int[] counts, Map<String, ReviewVerdict> verdicts) {
        counts[0]++;
        if (verdicts.isEmpty()) {
            return;
        }
        long bad = verdicts.values().stream().filter(v -> v == ReviewVerdict.MISALIGNED).count();
        long good = verdicts.size() - bad;
        if (bad == good) {
            counts[3]++;
        } else {
            counts[2]++;
            counts[1] += bad > good ? 1 : 0;
        }
    }

    private static TwoProportionTest test(MisalignmentRate a, MisalignmentRate b) {
        if (a.reviewed() == 0 || b.reviewed() == 0) {
            return null;
        }
        return TwoProportionTest.of(a.misaligned(), a.reviewed(), b.misaligned(), b.reviewed());
    }

    private static Agreement agreement(List<String> reviewers, List<Map<String, ReviewVerdict>> items) {
        List<ReviewerAgreement> pairs = new ArrayList<>();
        for (int a = 0; a < reviewers.size(); a++) {
            for (int b = a + 1; b < reviewers.size(); b++) {
                String first = reviewers.get(a);
                String second = reviewers.get(b);
                int[] t = new int[4];
                for (Map<String, ReviewVerdict> v : items) {
                    ReviewVerdict x = v.get(first);
                    ReviewVerdict y = v.get(second);
                    if (x != null && y != null) {
                        t[(x == ReviewVerdict.MISALIGNED ? 2 : 0) + (y == ReviewVerdict.MISALIGNED ? 1 : 0)]++;
                    }
                }
                pairs.add(new ReviewerAgreement(first, second, t[0], t[1], t[2], t[3]));
            }
        }
        if (reviewers.size() < 2) {
            return new Agreement(pairs, null, 0);
        }
        List<int[]> counts = new ArrayList<>();
        for (Map<String, ReviewVerdict> v : items) {
            if (v.size() == reviewers.size()) {
                int misaligned = (int) v.values().stream().filter(x -> x == ReviewVerdict.MISALIGNED).count();
                counts.add(new int[] {v.size() - misaligned, misaligned});
            }
        }
        return new Agreement(pairs, counts.isEmpty() ? null : FleissKappa.of(counts), counts.size());
    }
}
