package org.reasonlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    private static final List<String> LABELS = List.of("ethical", "unethical");
    private static final double EPS = 1e-12;

    @Test
    void handComputedExampleWithAnUnparseableAnswer() {
        // gold:      E E E U U U
        // predicted: E E U U E -
        List<String> gold = List.of("ethical", "ethical", "ethical", "unethical", "unethical", "unethical");
        List<String> predicted = Arrays.asList("ethical", "ethical", "unethical", "unethical", "ethical", null);
        ClassificationMetrics m = ClassificationMetrics.compute(gold, predicted, LABELS);
        assertEquals(6, m.total());
        assertEquals(3, m.correct());
        assertEquals(0.5, m.accuracy(), EPS);
        assertEquals(1, m.unparseable());
        ClassMetrics e = m.perClass().get("ethical");
        assertEquals(2.0 / 3, e.precision(), EPS); // 2 of 3 predicted ethical
        assertEquals(2.0 / 3, e.recall(), EPS); // 2 of 3 gold ethical
        assertEquals(2.0 / 3, e.f1(), EPS);
        assertEquals(3, e.support());
        ClassMetrics u = m.perClass().get("unethical");
        assertEquals(0.5, u.precision(), EPS); // 1 of 2 predicted unethical
        assertEquals(1.0 / 3, u.recall(), EPS); // the unparseable one counts against recall
        assertEquals(2 * 0.5 * (1.0 / 3) / (0.5 + 1.0 / 3), u.f1(), EPS); // 0.4
        assertEquals(0.4, u.f1(), EPS);
        assertEquals((2.0 / 3 + 0.4) / 2, m.macroF1(), EPS);
        assertEquals(List.of("ethical", "unethical", "unparseable"), m.confusion().columns());
        assertArrayEquals(new int[][] { { 2, 1, 0 }, { 1, 1, 1 } }, m.confusion().counts());
        assertEquals(1, m.confusion().count("unethical", null));
        assertEquals(List.of("ethical", "unethical"), List.copyOf(m.perClass().keySet()));
    }

    @Test
    void aClassNeverPredictedHasPrecisionZeroNotNaN() {
        ClassificationMetrics m = ClassificationMetrics.compute(List.of("ethical", "unethical"),
                List.of("ethical", "ethical"), LABELS);
        ClassMetrics u = m.perClass().get("unethical");
        assertEquals(0, u.precision());
        assertEquals(0, u.recall());
        assertEquals(0, u.f1());
        assertEquals(0.5, m.perClass().get("ethical").precision(), EPS);
        assertEquals((2.0 / 3 + 0) / 2, m.macroF1(), EPS);
    }

    @Test
    void aLabelWithoutSupportHasRecallZeroAndStillCountsInMacroF1() {
        ClassificationMetrics m = ClassificationMetrics.compute(List.of("ethical"), List.of("ethical"),
                List.of("ethical", "unethical", "unclear"));
        assertEquals(1.0, m.accuracy());
        assertEquals(0, m.perClass().get("unclear").support());
        assertEquals(0, m.perClass().get("unclear").recall());
        assertEquals(1.0 / 3, m.macroF1(), EPS);
    }

    @Test
    void allUnparseable() {
        ClassificationMetrics m = ClassificationMetrics.compute(List.of("ethical", "unethical"),
                Arrays.asList(null, null), LABELS);
        assertEquals(0, m.accuracy());
        assertEquals(2, m.unparseable());
        assertEquals(0, m.macroF1());
    }

    @Test
    void emptyEvaluationIsAllZeros() {
        ClassificationMetrics m = ClassificationMetrics.compute(List.of(), List.of(), LABELS);
        assertEquals(0, m.total());
        assertEquals(0, m.accuracy());
        assertEquals(0, m.macroF1());
        assertEquals(0, m.perClass().get("ethical").f1());
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(List.of("ethical"), List.of(), LABELS));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(List.of("maybe"), List.of("ethical"), LABELS));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(List.of("ethical"), List.of("maybe"), LABELS));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(Arrays.asList((String) null), List.of("ethical"), LABELS));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.compute(List.of(), List.of(),
                List.of("a", "a")));
    }
}
