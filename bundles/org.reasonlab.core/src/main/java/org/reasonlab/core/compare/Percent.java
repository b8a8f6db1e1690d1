package org.reasonlab.core.compare;

import java.util.Locale;

import org.reasonlab.core.review.MisalignmentRate;

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
}
