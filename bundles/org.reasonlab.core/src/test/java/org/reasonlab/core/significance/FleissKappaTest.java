package org.reasonlab.core.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * References from the textbook formulas in Python (statsmodels is not installed):
 * <pre>
 * def fleiss(t):
 *     N = len(t); m = sum(t[0]); k = len(t[0])
 *     pj = [sum(r[j] for r in t) / (N * m) for j in range(k)]
 *     Pi = [(sum(x * x for x in r) - m) / (m * (m - 1)) for r in t]
 *     Pb = sum(Pi) / N; Pe = sum(x * x for x in pj)
 *     return Pb, Pe, (Pb - Pe) / (1 - Pe)
 * </pre>
 */
class FleissKappaTest {
    private static final double EPS = 1e-12;

    @Test
    void fleiss1971WorkedExample() {
        // Fleiss (1971), as the worked example on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters,
        // 5 categories; P-bar = 0.378, P_e = 0.213, kappa = 0.210.
        // fleiss(W) = (0.378021978021978, 0.21275510204081632, 0.20993070442195522)
        List<int[]> table = List.of(
                new int[] { 0, 0, 0, 0, 14 },
                new int[] { 0, 2, 6, 4, 2 },
                new int[] { 0, 0, 3, 5, 6 },
                new int[] { 0, 3, 9, 2, 0 },
                new int[] { 2, 2, 8, 1, 1 },
                new int[] { 7, 7, 0, 0, 0 },
                new int[] { 3, 2, 6, 3, 0 },
                new int[] { 2, 5, 3, 2, 2 },
                new int[] { 6, 5, 2, 1, 0 },
                new int[] { 0, 2, 2, 3, 7 });
        double kappa = FleissKappa.of(table);
        assertEquals(0.20993070442195522, kappa, EPS);
        assertEquals(0.210, kappa, 5e-4);
    }

    @Test
    void smallTwoCategoryTable() {
        // fleiss([[3, 0], [0, 3], [2, 1], [1, 2]]) = (0.6666666666666667, 0.5, 0.3333333333333335)
        assertEquals(1.0 / 3, FleissKappa.of(List.of(new int[] { 3, 0 }, new int[] { 0, 3 }, new int[] { 2, 1 },
                new int[] { 1, 2 })), EPS);
    }

    @Test
    void perfectAgreementAndSystematicDisagreement() {
        // fleiss([[2, 0], [0, 2]]) = (1.0, 0.5, 1.0); fleiss([[1, 1], [1, 1]]) = (0.0, 0.5, -1.0)
        assertEquals(1.0, FleissKappa.of(List.of(new int[] { 2, 0 }, new int[] { 0, 2 })), EPS);
        assertEquals(-1.0, FleissKappa.of(List.of(new int[] { 1, 1 }, new int[] { 1, 1 })), EPS);
    }

    @Test
    void undefinedWithoutItemsOrWithOneCategoryUsed() {
        assertNull(FleissKappa.of(List.of()));
        // P_e = 1: every rating in the second category
        assertNull(FleissKappa.of(List.of(new int[] { 0, 3, 0 }, new int[] { 0, 3, 0 })));
    }

    @Test
    void rejectsInconsistentTables() {
        // different numbers of categories
        assertThrows(IllegalArgumentException.class,
                () -> FleissKappa.of(List.of(new int[] { 1, 1 }, new int[] { 1, 1, 0 })));
        // different numbers of raters
        assertThrows(IllegalArgumentException.class,
                () -> FleissKappa.of(List.of(new int[] { 1, 1 }, new int[] { 2, 1 })));
        // one rater per item
        assertThrows(IllegalArgumentException.class,
                () -> FleissKappa.of(List.of(new int[] { 1, 0 }, new int[] { 0, 1 })));
        // no categories
        assertThrows(IllegalArgumentException.class, () -> FleissKappa.of(List.<int[]> of(new int[0])));
        // negative count
        assertThrows(IllegalArgumentException.class,
                () -> FleissKappa.of(List.of(new int[] { 3, -1 }, new int[] { 1, 1 })));
        List<int[]> withNull = new ArrayList<>(Arrays.asList(new int[] { 1, 1 }, null));
        assertThrows(IllegalArgumentException.class, () -> FleissKappa.of(withNull));
    }
}
