package org.reasonlab.core.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McNemarTestTest {

    /**
     * References from scipy 1.17.1: {@code scipy.stats.binomtest(min(b, c), b + c, 0.5).pvalue}, and 1.0 for
     * b + c = 0 (binomtest rejects n = 0).
     */
    @ParameterizedTest
    @CsvSource({
            "0, 0, 1.0",
            "1, 0, 1.0",
            "3, 12, 0.03515625",
            "10, 10, 1.0",
            "25, 8, 0.004551384132355452",
            "59, 41, 0.08862608011406758",
            "0, 20, 1.9073486328125e-06",
            // tails far below 1e-16, which 1 - regularizedBeta would round to 0:
            "0, 200, 1.2446030555722283e-60", // binomtest(0, 200, 0.5).pvalue == 2 * 0.5**200
            "960, 40, 1.0827586072934258e-229" })
    void matchesScipyBinomtest(int b, int c, double expected) {
        McNemarTest test = McNemarTest.of(b, c);
        assertEquals(b, test.b());
        assertEquals(c, test.c());
        assertEquals(b + c, test.discordant());
        assertEquals(expected, test.p(), expected * 1e-10);
    }

    @Test
    void isSymmetricInTheTwoRuns() {
        assertEquals(McNemarTest.of(25, 8).p(), McNemarTest.of(8, 25).p());
        assertEquals(McNemarTest.of(41, 59).p(), McNemarTest.of(59, 41).p());
    }

    @Test
    void neverExceedsOne() {
        // b = c: 2 * P(X <= n/2) > 1 before the cap
        assertEquals(1.0, McNemarTest.of(1, 1).p());
        assertEquals(1.0, McNemarTest.of(500, 500).p());
        assertEquals(1.0, McNemarTest.of(501, 500).p()); // scipy: binomtest(500, 1001, 0.5).pvalue == 1.0
    }

    @Test
    void rejectsNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> McNemarTest.of(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> McNemarTest.of(3, -1));
    }
}
