package org.reasonlab.core.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {
    private static final double EPS = 1e-10;

    @Test
    void threeSeedsAt95Percent() {
        // scipy 1.17.1, v = [0.61, 0.64, 0.66]:
        //   statistics.mean(v) = 0.6366666666666667, statistics.stdev(v) = 0.025166114784235853
        //   scipy.stats.t.ppf(0.975, 2) = 4.302652729749462
        //   scipy.stats.t.interval(0.95, 2, loc=statistics.mean(v), scale=scipy.stats.sem(v))
        //     = (0.574150571872909, 0.6991827614604245)
        MeanInterval m = MeanInterval.of95(0.61, 0.64, 0.66);
        assertEquals(3, m.n());
        assertEquals(0.6366666666666667, m.mean(), EPS);
        assertEquals(0.025166114784235853, m.sd(), EPS);
        assertEquals(0.574150571872909, m.low(), EPS);
        assertEquals(0.6991827614604245, m.high(), EPS);
        assertEquals(4.302652729749462 * 0.025166114784235853 / Math.sqrt(3), m.halfWidth(), EPS);
    }

    @Test
    void twoSeedsGiveAWideInterval() {
        // v = [0.8, 0.9]: mean 0.85, statistics.stdev(v) = 0.07071067811865474,
        // scipy.stats.t.ppf(0.975, 1) = 12.706204736174694,
        // scipy.stats.t.interval(0.95, 1, loc=0.85, scale=scipy.stats.sem(v)) = (0.21468976319126554, 1.4853102368087345)
        MeanInterval m = MeanInterval.of95(0.8, 0.9);
        assertEquals(2, m.n());
        assertEquals(0.85, m.mean(), EPS);
        assertEquals(0.07071067811865474, m.sd(), EPS);
        assertEquals(0.21468976319126554, m.low(), EPS);
        assertEquals(1.4853102368087345, m.high(), EPS);
    }

    @Test
    void otherConfidence() {
        // scipy.stats.t.ppf(0.95, 2) = 2.9199855803537242;
        // scipy.stats.t.interval(0.90, 2, loc=statistics.mean(v), scale=scipy.stats.sem(v)) for v = [0.61, 0.64, 0.66]
        //   = (0.5942402597954739, 0.6790930735378595)
        MeanInterval m = MeanInterval.of(0.90, 0.61, 0.64, 0.66);
        assertEquals(0.5942402597954739, m.low(), EPS);
        assertEquals(0.6790930735378595, m.high(), EPS);
        assertTrue(m.halfWidth() < MeanInterval.of95(0.61, 0.64, 0.66).halfWidth());
    }

    @Test
    void equalValuesGiveAPointInterval() {
        MeanInterval m = MeanInterval.of95(0.7, 0.7, 0.7, 0.7);
        assertEquals(0.0, m.sd());
        assertEquals(m.mean(), m.low());
        assertEquals(m.mean(), m.high());
        assertEquals(0.0, m.halfWidth());
    }

    @Test
    void oneValueHasNoSpread() {
        MeanInterval m = MeanInterval.of95(0.42);
        assertEquals(1, m.n());
        assertEquals(0.42, m.mean());
        assertTrue(Double.isNaN(m.sd()));
        assertTrue(Double.isNaN(m.low()));
        assertTrue(Double.isNaN(m.high()));
        assertTrue(Double.isNaN(m.halfWidth()));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of95());
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of95(0.5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of95(0.5, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(0, 0.5, 0.6));
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(1, 0.5, 0.6));
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(Double.NaN, 0.5, 0.6));
    }
}
