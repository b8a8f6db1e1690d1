package org.reasonlab.core.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwoProportionTestTest {

    /**
     * References from scipy 1.17.1:
     * <pre>
     * def twoprop(k1, n1, k2, n2):
     *     p = (k1 + k2) / (n1 + n2); d = k1 / n1 - k2 / n2
     *     z = d / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
     *     return d, z, 2 * scipy.stats.norm.sf(abs(z))
     * </pre>
     */
    @ParameterizedTest
    @CsvSource({
            "894, 1000, 628, 1000, 0.266, 13.946825269168352, 3.289240641432094e-44", // DFAR: 89.4% vs 62.8%
            "45, 60, 30, 60, 0.25, 2.82842712474619, 0.004677734981047266",
            "30, 60, 45, 60, -0.25, -2.82842712474619, 0.004677734981047266",
            "12, 40, 20, 50, -0.10000000000000003, -0.9847982464479196, 0.32472318216053553" })
    void matchesScipy(int k1, int n1, int k2, int n2, double difference, double z, double p) {
        TwoProportionTest test = TwoProportionTest.of(k1, n1, k2, n2);
        assertEquals(k1, test.k1());
        assertEquals(n1, test.n1());
        assertEquals(k2, test.k2());
        assertEquals(n2, test.n2());
        assertEquals(difference, test.difference(), 1e-15);
        assertEquals(z, test.z(), Math.abs(z) * 1e-12);
        assertEquals(p, test.p(), p * 1e-9);
    }

    @Test
    void pooledProportionZeroOrOneGivesNoEvidence() {
        TwoProportionTest none = TwoProportionTest.of(0, 10, 0, 20);
        assertEquals(0.0, none.difference());
        assertEquals(0.0, none.z());
        assertEquals(1.0, none.p());
        TwoProportionTest all = TwoProportionTest.of(5, 5, 7, 7);
        assertEquals(0.0, all.z());
        assertEquals(1.0, all.p());
    }

    @Test
    void equalProportionsGivePOne() {
        TwoProportionTest test = TwoProportionTest.of(3, 10, 6, 20);
        assertEquals(0.0, test.z(), 1e-15);
        assertEquals(1.0, test.p(), 1e-15);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> TwoProportionTest.of(0, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionTest.of(1, 2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionTest.of(-1, 2, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionTest.of(3, 2, 1, 2));
    }
}
