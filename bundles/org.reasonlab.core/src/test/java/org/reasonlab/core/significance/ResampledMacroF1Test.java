package org.reasonlab.core.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.eval.ClassificationMetrics;

class ResampledMacroF1Test {
    private static final List<String> LABELS = List.of("ethical", "unethical", "neutral");

    @Test
    void allItemsGiveExactlyClassificationMetricsMacroF1() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            List<String> gold = randomLabels(random, n, false);
            List<String> predicted = randomLabels(random, n, true);
            int[] all = IntStream.range(0, n).toArray();
            // bit-for-bit, so that the bootstrap and the reported metric use one definition
            assertEquals(ClassificationMetrics.compute(gold, predicted, LABELS).macroF1(),
                    new ResampledMacroF1(gold, predicted, LABELS).on(all));
        }
    }

    @Test
    void repeatedIndicesCountAsRepeatedItems() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            List<String> gold = randomLabels(random, n, false);
            List<String> predicted = randomLabels(random, n, true);
            int[] index = random.ints(n, 0, n).toArray();
            List<String> resampledGold = new ArrayList<>();
            List<String> resampledPredicted = new ArrayList<>();
            for (int i : index) {
                resampledGold.add(gold.get(i));
                resampledPredicted.add(predicted.get(i));
            }
            assertEquals(ClassificationMetrics.compute(resampledGold, resampledPredicted, LABELS).macroF1(),
                    new ResampledMacroF1(gold, predicted, LABELS).on(index));
        }
    }

    private static List<String> randomLabels(SplittableRandom random, int n, boolean withUnparseable) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(withUnparseable ? 4 : 3);
            labels.add(k == 3 ? null : LABELS.get(k));
        }
        return labels;
    }
}
