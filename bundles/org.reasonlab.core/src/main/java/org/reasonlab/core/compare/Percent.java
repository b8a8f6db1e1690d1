package org.reasonlab.core.compare;

import java.util.Locale;

import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.review.WilsonInterval;
import org.reasonlab.core.significance.BootstrapInterval;
import org.reasonlab.core.significance.MeanInterval;

/** How comparisons write numbers: shares as percent with one decimal, {@code n/a} when not measured. */
final class Percent {
    static final String MISSING = "n/a";

    private Percent() {
    }

    static String of(Double share) {
        if (share == null || share.isNaN()) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%.1f", share * 100);
    }

    /** A difference in percentage points with its sign; {@code 0.0} when it rounds to zero. */
    static String delta(Double value, Double baseline) {
        if (value == null || baseline == null || value.isNaN() || baseline.isNaN()) {
            return MISSING;
        }
        String s = String.format(Locale.ROOT, "%+.1f", (value - baseline) * 100);
        return s.equals("+0.0") || s.equals("-0.0") ? "0.0" : s;
    }

    /** {@code 9.0 [4.8, 16.2] (n=100)}: rate, 95% Wilson interval, reviewed predictions. */
    static String withInterval(MisalignmentRate rate) {
        if (rate == null || rate.reviewed() == 0) {
            return MISSING;
        }
        return of(rate.rate()) + " [" + of(rate.interval().low()) + ", " + of(rate.interval().high()) + "] (n="
                + rate.reviewed() + ")";
    }

    /** {@code 62.0 [52.2, 70.9]}: a run's share with its interval ({@code [low, high]}), or the share alone. */
    static String withRange(Double share, double[] interval) {
        if (share == null || share.isNaN()) {
            return MISSING;
        }
        return interval == null ? of(share) : of(share) + " [" + of(interval[0]) + ", " + of(interval[1]) + "]";
    }

    /** {@code 62.0 [52.2, 70.9]}: a run's share with its 95% Wilson interval, or the share alone. */
    static String withWilson(Double share, WilsonInterval interval) {
        if (share == null || share.isNaN()) {
            return MISSING;
        }
        return interval == null ? of(share) : of(share) + " [" + of(interval.low()) + ", " + of(interval.high()) + "]";
    }

    /**
     * {@code 62.3 [58.6, 66.0]}: a mean over seeds with its 95% t-interval (the mean alone for one seed). A share
     * lies in [0, 1], so the interval is cut at 0 and 100 (with few seeds the t-interval reaches past them).
     */
    static String meanInterval(MeanInterval s) {
        if (s == null) {
            return MISSING;
        }
        return s.n() < 2 ? of(s.mean()) : of(s.mean()) + " [" + of(Math.max(0, s.low())) + ", "
                + of(Math.min(1, s.high())) + "]";
    }

    /** {@code 62.3 ± 1.5 [58.6, 66.0] (n=3)}: mean ± standard deviation, 95% t-interval, seeds. */
    static String meanSd(MeanInterval s) {
        if (s == null) {
            return MISSING;
        }
        if (s.n() < 2) {
            return of(s.mean()) + " (n=1)";
        }
        return of(s.mean()) + " \u00b1 " + of(s.sd()) + " [" + of(Math.max(0, s.low())) + ", "
                + of(Math.min(1, s.high())) + "] (n=" + s.n() + ")";
    }

    /** A p-value with three significant digits, {@code < 0.0001} below that. */
    static String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return MISSING;
        }
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return String.format(Locale.ROOT, p >= 0.01 ? "%.3f" : "%.4f", p);
    }

    /** {@code +26.0 [17.0, 35.0]}: a difference in percentage points with its bootstrap interval. */
    static String bootstrap(BootstrapInterval b) {
        if (b == null) {
            return MISSING;
        }
        return delta(b.estimate(), 0.0) + " [" + delta(b.low(), 0.0) + ", " + delta(b.high(), 0.0) + "]";
    }
}
