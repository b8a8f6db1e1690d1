package org.reasonlab.core.significance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * References from the textbook definition in Python (statsmodels is not installed):
 * <pre>
 * def holm(p):
 *     m = len(p); order = sorted(range(m), key=lambda i: p[i]); out = [0] * m; run = 0
 *     for r, i in enumerate(order):
 *         run = max(run, min(1.0, (m - r) * p[i])); out[i] = run
 *     return out
 * </pre>
 */
class HolmCorrectionTest {
    private static final double EPS = 1e-15;

    @Test
    void adjustsInInputOrder() {
        // holm([0.01, 0.04, 0.03, 0.005]) = [0.03, 0.06, 0.06, 0.02]
        // (sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.06)
        assertArrayEquals(new double[] { 0.03, 0.06, 0.06, 0.02 }, HolmCorrection.adjust(0.01, 0.04, 0.03, 0.005),
                EPS);
    }

    @Test
    void tiesGetTheSameAdjustedValue() {
        // holm([0.04, 0.04, 0.01]) = [0.08, 0.08, 0.03]
        assertArrayEquals(new double[] { 0.08, 0.08, 0.03 }, HolmCorrection.adjust(0.04, 0.04, 0.01), EPS);
    }

    @Test
    void capsAtOne() {
        // holm([0.5, 0.3, 0.9]) = [1.0, 0.8999999999999999, 1.0]
        assertArrayEquals(new double[] { 1.0, 0.8999999999999999, 1.0 }, HolmCorrection.adjust(0.5, 0.3, 0.9), EPS);
    }

    @Test
    void oneComparisonIsUnchanged() {
        assertArrayEquals(new double[] { 0.2 }, HolmCorrection.adjust(0.2));
        assertEquals(0, HolmCorrection.adjust().length);
    }

    @Test
    void leavesTheInputAlone() {
        double[] p = { 0.04, 0.01 };
        HolmCorrection.adjust(p);
        assertArrayEquals(new double[] { 0.04, 0.01 }, p);
    }

    @Test
    void rejectsValuesThatAreNotProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> HolmCorrection.adjust(0.1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> HolmCorrection.adjust(-0.1));
        assertThrows(IllegalArgumentException.class, () -> HolmCorrection.adjust(1.5));
    }
}
