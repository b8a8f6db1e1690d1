package org.reasonlab.core.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The interval references come from an independent re-implementation in Python of the resampling documented on
 * {@link PairedBootstrap} (SplittableRandom re-written from the JDK's SplitMix64, type-7 percentiles), run with
 * python3 and no packages:
 * <pre>
 * M64 = (1 &lt;&lt; 64) - 1; GAMMA = 0x9e3779b97f4a7c15
 * class SR:
 *     def __init__(self, seed): self.s = seed &amp; M64
 *     def next_int(self):
 *         self.s = (self.s + GAMMA) &amp; M64; z = self.s
 *         z = ((z ^ (z &gt;&gt; 33)) * 0x62a9d9ed799705f5) &amp; M64
 *         r = (((z ^ (z &gt;&gt; 28)) * 0xcb24d0a5c88c35b3) &amp; M64) &gt;&gt; 32
 *         return r - (1 &lt;&lt; 32) if r &gt;= 1 &lt;&lt; 31 else r
 *     def next_bounded(self, bound):
 *         m = bound - 1; r = self.next_int()
 *         if bound &amp; m == 0: return r &amp; m
 *         u = (r &amp; 0xffffffff) &gt;&gt; 1
 *         while True:
 *             r = u % bound
 *             if u + m - r &lt; 2**31: return r
 *             u = (self.next_int() &amp; 0xffffffff) &gt;&gt; 1
 * def percentile7(xs, q):
 *     xs = sorted(xs); h = (len(xs) - 1) * q; lo = int(h)
 *     return xs[lo] if lo + 1 &gt;= len(xs) else xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])
 * def boot(n, stat, resamples, seed):
 *     rng = SR(seed); ds = [stat([rng.next_bounded(n) for _ in range(n)]) for _ in range(resamples)]
 *     return percentile7(ds, 0.025), percentile7(ds, 0.975)
 * def macro_f1(gold, pred, labels, idx):
 *     f1sum = 0.0
 *     for l in labels:
 *         tp = sum(1 for i in idx if gold[i] == l and pred[i] == l)
 *         pa = sum(1 for i in idx if pred[i] == l); su = sum(1 for i in idx if gold[i] == l)
 *         p = 0 if pa == 0 else tp / pa; r = 0 if su == 0 else tp / su
 *         f1sum += 0 if p + r == 0 else 2 * p * r / (p + r)
 *     return f1sum / len(labels)
 * </pre>
 */
class PairedBootstrapTest {
    private static final double EPS = 1e-12;

    private static final boolean[] FIRST_CORRECT = correct("111011101111011011101111110111");
    private static final boolean[] SECOND_CORRECT = correct("101001101011001011100110110101");

    private static final List<String> LABELS = List.of("ethical", "unethical", "neutral");
    private static final List<String> GOLD = labels("EEUUNNEUENUUEENUNEUE");
    private static final List<String> FIRST_PREDICTED = labels("EEUUNEEUENUNEENUNEU-");
    private static final List<String> SECOND_PREDICTED = labels("EUUENNUUE-UUENNEUEUE");

    @Test
    void splittableRandomDrawsAsDocumented() {
        // SR(42): [r.next_bounded(30) for _ in range(5)] = [11, 6, 21, 12, 11]
        // SR(-7): [r.next_bounded(16) for _ in range(5)] = [10, 1, 11, 5, 11]   (power of two: masked)
        SplittableRandom a = new SplittableRandom(42);
        assertEquals(List.of(11, 6, 21, 12, 11), draws(a, 30, 5));
        SplittableRandom b = new SplittableRandom(-7);
        assertEquals(List.of(10, 1, 11, 5, 11), draws(b, 16, 5));
    }

    @Test
    void accuracyDifferenceMatchesPythonReimplementation() {
        // first = "111011101111011011101111110111", second = "101001101011001011100110110101" (25 vs 18 of 30)
        // d = [int(a) - int(b) for ...]; estimate sum(d) / 30 = 0.23333333333333334
        // boot(30, lambda idx: sum(d[i] for i in idx) / 30, 1000, 2024) = (0.1, 0.36666666666666664)
        // boot(30, ..., 10000, 2024) = (0.1, 0.4)
        BootstrapInterval i = PairedBootstrap.accuracyDifference(FIRST_CORRECT, SECOND_CORRECT, 1000, 2024);
        assertEquals(0.23333333333333334, i.estimate(), EPS);
        assertEquals(0.1, i.low(), EPS);
        assertEquals(0.36666666666666664, i.high(), EPS);
        assertEquals(1000, i.resamples());
        assertEquals(2024, i.seed());
        BootstrapInterval full = PairedBootstrap.accuracyDifference(FIRST_CORRECT, SECOND_CORRECT,
                PairedBootstrap.DEFAULT_RESAMPLES, 2024);
        assertEquals(0.1, full.low(), EPS);
        assertEquals(0.4, full.high(), EPS);
    }

    @Test
    void macroF1DifferenceMatchesPythonReimplementation() {
        // gold "EEUUNNEUENUUEENUNEUE", first "EEUUNEEUENUNEENUNEU-", second "EUUENNUUE-UUENNEUEUE" ('-' = None)
        // macro_f1(first) = 0.8660256410256411, macro_f1(second) = 0.6666666666666666, difference 0.19935897435897443
        // boot(20, lambda idx: macro_f1(gold, first, labels, idx) - macro_f1(gold, second, labels, idx), 1000, 2024)
        //   = (-0.0924356880686803, 0.529424603174603)
        // boot(20, ..., 2000, 5) = (-0.13492919389978195, 0.5229669431875311)
        BootstrapInterval i = PairedBootstrap.macroF1Difference(GOLD, FIRST_PREDICTED, SECOND_PREDICTED, LABELS, 1000,
                2024);
        assertEquals(0.19935897435897443, i.estimate(), EPS);
        assertEquals(-0.0924356880686803, i.low(), EPS);
        assertEquals(0.529424603174603, i.high(), EPS);
        BootstrapInterval other = PairedBootstrap.macroF1Difference(GOLD, FIRST_PREDICTED, SECOND_PREDICTED, LABELS,
                2000, 5);
        assertEquals(-0.13492919389978195, other.low(), EPS);
        assertEquals(0.5229669431875311, other.high(), EPS);
    }

    @Test
    void oneResampleIsTheFirstNDrawsOfTheSeed() {
        // hand-checkable without Python: 4 items, only item 0 differs (first right, second wrong); the single
        // resample is index[j] = new SplittableRandom(seed).nextInt(4), j = 0..3, and its difference is
        // (how often item 0 was drawn) / 4, which is then both percentiles.
        boolean[] first = { true, false, true, true };
        boolean[] second = { false, false, true, true };
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int zeros = 0;
            for (int j = 0; j < 4; j++) {
                if (random.nextInt(4) == 0) {
                    zeros++;
                }
            }
            BootstrapInterval i = PairedBootstrap.accuracyDifference(first, second, 1, seed);
            assertEquals(0.25, i.estimate());
            assertEquals(zeros / 4.0, i.low());
            assertEquals(zeros / 4.0, i.high());
        }
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherInterval() {
        BootstrapInterval a = PairedBootstrap.macroF1Difference(GOLD, FIRST_PREDICTED, SECOND_PREDICTED, LABELS,
                PairedBootstrap.DEFAULT_RESAMPLES, 17);
        BootstrapInterval b = PairedBootstrap.macroF1Difference(GOLD, FIRST_PREDICTED, SECOND_PREDICTED, LABELS,
                PairedBootstrap.DEFAULT_RESAMPLES, 17);
        BootstrapInterval c = PairedBootstrap.macroF1Difference(GOLD, FIRST_PREDICTED, SECOND_PREDICTED, LABELS,
                PairedBootstrap.DEFAULT_RESAMPLES, 18);
        assertEquals(a, b);
        assertEquals(a.estimate(), c.estimate());
        assertNotEquals(List.of(a.low(), a.high()), List.of(c.low(), c.high()));
    }

    @Test
    void intervalContainsTheEstimateOnARealisticExample() {
        // 300 items: the first run right on about 80%, the second on about 70%, correlated through item difficulty
        SplittableRandom random = new SplittableRandom(3);
        int n = 300;
        boolean[] first = new boolean[n];
        boolean[] second = new boolean[n];
        for (int i = 0; i < n; i++) {
            double difficulty = random.nextDouble();
            first[i] = difficulty < 0.8;
            second[i] = difficulty < 0.7 || random.nextDouble() < 0.05;
        }
        BootstrapInterval i = PairedBootstrap.accuracyDifference(first, second, PairedBootstrap.DEFAULT_RESAMPLES, 1);
        assertTrue(i.low() <= i.estimate() && i.estimate() <= i.high(), i.toString());
        assertTrue(i.low() < i.high(), i.toString());
        assertTrue(i.low() > 0, "a clear 10-point gain on 300 items: " + i);

        BootstrapInterval f1 = PairedBootstrap.macroF1Difference(GOLD, FIRST_PREDICTED, SECOND_PREDICTED, LABELS,
                PairedBootstrap.DEFAULT_RESAMPLES, 1);
        assertTrue(f1.low() <= f1.estimate() && f1.estimate() <= f1.high(), f1.toString());
    }

    @Test
    void identicalRunsGiveZero() {
        BootstrapInterval accuracy = PairedBootstrap.accuracyDifference(FIRST_CORRECT, FIRST_CORRECT, 500, 9);
        assertEquals(new BootstrapInterval(0, 0, 0, 500, 9), accuracy);
        BootstrapInterval f1 = PairedBootstrap.macroF1Difference(GOLD, SECOND_PREDICTED, SECOND_PREDICTED, LABELS,
                500, 9);
        assertEquals(new BootstrapInterval(0, 0, 0, 500, 9), f1);
    }

    @Test
    void rejectsMismatchedOrEmptyInput() {
        assertThrows(IllegalArgumentException.class,
                () -> PairedBootstrap.accuracyDifference(new boolean[3], new boolean[4], 100, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PairedBootstrap.accuracyDifference(new boolean[0], new boolean[0], 100, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PairedBootstrap.accuracyDifference(FIRST_CORRECT, SECOND_CORRECT, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.macroF1Difference(GOLD,
                FIRST_PREDICTED.subList(0, 19), SECOND_PREDICTED, LABELS, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.macroF1Difference(GOLD.subList(0, 19),
                FIRST_PREDICTED, SECOND_PREDICTED, LABELS, 100, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PairedBootstrap.macroF1Difference(List.of(), List.of(), List.of(), LABELS, 100, 1));
        List<String> unknown = new ArrayList<>(FIRST_PREDICTED);
        unknown.set(0, "maybe");
        assertThrows(IllegalArgumentException.class,
                () -> PairedBootstrap.macroF1Difference(GOLD, unknown, SECOND_PREDICTED, LABELS, 100, 1));
    }

    private static List<Integer> draws(SplittableRandom random, int bound, int count) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(random.nextInt(bound));
        }
        return values;
    }

    private static boolean[] correct(String ones) {
        boolean[] correct = new boolean[ones.length()];
        for (int i = 0; i < correct.length; i++) {
            correct[i] = ones.charAt(i) == '1';
        }
        return correct;
    }

    /** E, U, N for the three labels, - for an unparseable answer. */
    private static List<String> labels(String codes) {
        List<String> labels = new ArrayList<>();
        for (char c : codes.toCharArray()) {
            labels.add(switch (c) {
                case 'E' -> "ethical";
                case 'U' -> "unethical";
                case 'N' -> "neutral";
                default -> null;
            });
        }
        return labels;
    }
}
