package org.reasonlab.core.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void linearInterpolationAsNumpyAndR() {
        // Python: statistics.quantiles([1, 2, 3, 4], n=4, method='inclusive') = [1.75, 2.5, 3.25] (type 7)
        double[] x = { 1, 2, 3, 4 };
        assertEquals(1.75, Percentiles.type7(x, 0.25), 1e-15);
        assertEquals(2.5, Percentiles.type7(x, 0.5), 1e-15);
        assertEquals(3.25, Percentiles.type7(x, 0.75), 1e-15);
        assertEquals(1.0, Percentiles.type7(x, 0));
        assertEquals(4.0, Percentiles.type7(x, 1));
    }

    @Test
    void bootstrapQuantiles() {
        // q = 0.025 and 0.975 of [3.0, -1.0, 10.0, 2.5, 7.0]:
        // statistics.quantiles(v, n=40, method='inclusive')[0] = -0.65, [-1] = 9.7
        double[] sorted = { -1.0, 2.5, 3.0, 7.0, 10.0 };
        assertEquals(-0.65, Percentiles.type7(sorted, 0.025), 1e-12);
        assertEquals(9.7, Percentiles.type7(sorted, 0.975), 1e-12);
    }

    @Test
    void singleValue() {
        assertEquals(0.3, Percentiles.type7(new double[] { 0.3 }, 0.025));
        assertEquals(0.3, Percentiles.type7(new double[] { 0.3 }, 0.975));
    }
}
