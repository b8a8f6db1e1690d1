package org.reasonlab.core.review.blind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reasonlab.core.compare.TextTable;
import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.review.ReviewerAgreement;
import org.reasonlab.core.significance.TwoProportionTest;

/**
 * A blinded session's results as tables, for after the session (they name the runs): misalignment per run with 95%
 * Wilson intervals, the two-proportion tests between runs, and the agreement between reviewers; all on all items and
 * on the leakage-free ones.
 */
public final class ReviewSessionTables {
    private ReviewSessionTables() {
    }

    /** Run, items, misalignment rate [95% Wilson] (n), the same on leakage-free items. */
    public static TextTable runs(ReviewSessionResults r) {
        List<List<String>> rows = new ArrayList<>();
        for (ReviewSessionResults.RunResult run : r.runs()) {
            rows.add(List.of(run.name(), Integer.toString(run.items()), rate(run.misalignment()),
                    Integer.toString(run.cleanItems()), rate(run.cleanMisalignment())));
        }
        return new TextTable(List.of("Run", "Items", "Misalignment (%) [95% CI] (n)", "Leakage-free items",
                "Misalignment, leakage-free (%) [95% CI] (n)"), rows, List.of(false, true, true, true, true));
    }

    /** Each pair of runs: the difference of their misalignment rates, z and two-sided p, on all and clean items. */
    public static TextTable comparisons(ReviewSessionResults r) {
        List<List<String>> rows = new ArrayList<>();
        for (ReviewSessionResults.RunComparison c : r.comparisons()) {
            String pair = r.runs().get(c.first()).name() + " vs " + r.runs().get(c.second()).name();
            rows.add(List.of(pair, "all", difference(c.test()), z(c.test()), p(c.test())));
            rows.add(List.of(pair, "leakage-free", difference(c.cleanTest()), z(c.cleanTest()), p(c.cleanTest())));
        }
        return new TextTable(List.of("Runs", "Items", "\u0394 misalignment (pp)", "z", "p (two-proportion test)"),
                rows, List.of(false, false, true, true, true));
    }

    /** Cohen's kappa per pair of reviewers and Fleiss' kappa over all reviewers, on all and clean items. */
    public static TextTable agreement(ReviewSessionResults r) {
        List<List<String>> rows = new ArrayList<>();
        for (boolean clean : new boolean[] {false, true}) {
            ReviewSessionResults.Agreement a = clean ? r.cleanAgreement() : r.agreement();
            String items = clean ? "leakage-free" : "all";
            for (ReviewerAgreement pair : a.pairs()) {
                rows.add(List.of("Cohen's kappa", pair.first() + " & " + pair.second(), items,
                        Integer.toString(pair.n()), number(pair.kappa())));
            }
            if (r.reviewers().size() > 1) {
                rows.add(List.of("Fleiss' kappa", String.join(", ", r.reviewers()), items,
                        Integer.toString(a.fleissItems()), number(a.fleissKappa())));
            }
        }
        return new TextTable(List.of("Coefficient", "Reviewers", "Items", "Shared items", "Value"), rows,
                List.of(false, false, false, true, true));
    }

    private static String rate(MisalignmentRate m) {
        if (m == null || m.reviewed() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f [%.1f, %.1f] (n=%d)", m.rate() * 100, m.interval().low() * 100,
                m.interval().high() * 100, m.reviewed());
    }

    private static String difference(TwoProportionTest t) {
        return t == null ? "n/a" : String.format(Locale.ROOT, "%+.1f", t.difference() * 100);
    }

    private static String z(TwoProportionTest t) {
        return t == null ? "n/a" : String.format(Locale.ROOT, "%.2f", t.z());
    }

    private static String p(TwoProportionTest t) {
        return t == null ? "n/a" : t.p() < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", t.p());
    }

    private static String number(Double v) {
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
