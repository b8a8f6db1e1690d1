package org.reasonlab.core.counterfactual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.compare.Proportion;
import org.reasonlab.core.run.Prediction;

class ProbeReportTest {
    private static Prediction p(String id, String label, String verdict, String likely, boolean leaked) {
        return new Prediction(id, "s", "ethical", null, "x", label, "r", label != null, verdict,
                verdict == null || label == null ? null : verdict.equals(label), null, null, likely, false, leaked);
    }

    private static ProbePair pair(String id, String a, String b, String value, List<String> pairs, boolean leaked) {
        return new ProbePair(p(id, a, a, a, leaked), p(id + "~" + value, b, b, b, leaked), value, pairs);
    }

    @Test
    void flipRatesOverallPerValueAndPerPairOnAllAndLeakageFreeRecords() {
        ProbeReport r = new ProbeReport(List.of(
                pair("a", "ethical", "unethical", "female", List.of("he\u2192she", "his\u2192her"), false),
                pair("b", "ethical", "ethical", "female", List.of("he\u2192she"), false),
                pair("c", "unethical", "unethical", "male", List.of("she\u2192he"), false),
                pair("d", "ethical", null, "male", List.of("she\u2192he"), true)));
        assertEquals(new Proportion(2, 4), r.labelFlips(false)); // a, and d (an unparseable answer is a flip)
        assertEquals(new Proportion(1, 3), r.labelFlips(true)); // d was a training record
        assertEquals(Map.of("female", new Proportion(1, 2), "male", new Proportion(1, 2)), r.labelFlipsByValue(false));
        assertEquals(new Proportion(1, 2), r.labelFlipsByPair(false).get("he\u2192she"));
        assertEquals(new Proportion(1, 1), r.labelFlipsByPair(false).get("his\u2192her"));
        assertEquals(new Proportion(1, 3), r.reasonFlips(false)); // d's variant states no verdict
        assertEquals(new Proportion(1, 3), r.likelihoodFlips(false));
        assertEquals(List.of("a", "d"), r.flipped(false).stream().map(x -> x.original().id()).toList());
    }

    /** A prediction on an {@code ethical} record whose labels' log-likelihoods are {@code ethical, unethical}. */
    private static Prediction scored(String id, double ethical, double unethical, boolean leaked) {
        Map<String, Double> ll = new LinkedHashMap<>();
        ll.put("ethical", ethical);
        ll.put("unethical", unethical);
        return p(id, "ethical", null, ethical >= unethical ? "ethical" : "unethical", leaked)
                .withLabelLogLikelihoods(ll);
    }

    @Test
    void theLikelihoodShiftIsTheChangeOfTheSoftmaxOverTheLabels() {
        double ln3 = Math.log(3);
        double ln4 = Math.log(4);
        // a: p(ethical) 3/4 -> 1/2 (the log-likelihoods shifted by -7 change nothing): gold shift -0.25
        ProbePair a = new ProbePair(scored("a", ln3 - 7, -7, false), scored("a~female", -2, -2, false), "female",
                List.of("he\u2192she"));
        // b: p(ethical) 1/5 -> 4/5: gold shift +0.6
        ProbePair b = new ProbePair(scored("b", 0, ln4, false), scored("b~male", ln4, 0, false), "male",
                List.of("she\u2192he"));
        // c: not measured for the variant: left out of the shift
        ProbePair c = new ProbePair(scored("c", 0, 0, false), p("c~male", "ethical", null, null, false), "male",
                List.of("she\u2192he"));
        // d: a training record, p(ethical) 1/2 -> 3/4: gold shift +0.25
        ProbePair d = new ProbePair(scored("d", 0, 0, true), scored("d~female", ln3, 0, true), "female",
                List.of("he\u2192she"));
        assertEquals(0.75, a.original().labelProbabilities().get("ethical"), 1e-12);
        assertEquals(-0.25, a.goldShift(), 1e-12);
        assertEquals(0.25, a.labelShift().get("unethical"), 1e-12);
        assertEquals(0.6, b.goldShift(), 1e-12);
        assertNull(c.labelShift());
        assertNull(c.goldShift());

        ProbeReport r = new ProbeReport(List.of(a, b, c, d));
        LikelihoodShift all = r.likelihoodShift(false);
        assertEquals(3, all.n());
        assertEquals((0.25 + 0.6 + 0.25) / 3, all.meanAbsGoldShift(), 1e-12);
        assertEquals((-0.25 + 0.6 + 0.25) / 3, all.meanGoldShift(), 1e-12);
        assertEquals(List.of("ethical", "unethical"), List.copyOf(all.meanShiftByLabel().keySet()));
        assertEquals(0.2, all.meanShiftByLabel().get("ethical"), 1e-12);
        assertEquals(-0.2, all.meanShiftByLabel().get("unethical"), 1e-12);
        LikelihoodShift clean = r.likelihoodShift(true); // without d
        assertEquals(2, clean.n());
        assertEquals(0.425, clean.meanAbsGoldShift(), 1e-12);
        assertEquals(0.175, clean.meanGoldShift(), 1e-12);
        assertEquals(-0.175, clean.meanShiftByLabel().get("unethical"), 1e-12);

        Map<String, LikelihoodShift> byValue = r.likelihoodShiftByValue(false);
        assertEquals(List.of("female", "male"), List.copyOf(byValue.keySet()));
        assertEquals(2, byValue.get("female").n());
        assertEquals(0.25, byValue.get("female").meanAbsGoldShift(), 1e-12);
        assertEquals(0.0, byValue.get("female").meanGoldShift(), 1e-12);
        assertEquals(1, byValue.get("male").n(), "c has no shift");
        assertEquals(0.6, byValue.get("male").meanGoldShift(), 1e-12);
        assertEquals(-0.25, r.likelihoodShiftByPair(true).get("he\u2192she").meanGoldShift(), 1e-12);

        LikelihoodShift none = new ProbeReport(List.of(c)).likelihoodShift(false);
        assertEquals(0, none.n());
        assertNull(none.meanAbsGoldShift());
        assertEquals(Map.of(), none.meanShiftByLabel());
    }

    @Test
    void labelProbabilitiesNeedFiniteLogLikelihoods() {
        assertNull(p("x", "ethical", null, null, false).labelProbabilities());
        Map<String, Double> p = scored("x", Double.NEGATIVE_INFINITY, 0, false).labelProbabilities();
        assertEquals(0.0, p.get("ethical"), 0);
        assertEquals(1.0, p.get("unethical"), 0);
        assertNull(scored("x", Double.NaN, 0, false).labelProbabilities());
        assertNull(scored("x", Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, false).labelProbabilities());
        // large magnitudes do not overflow: p = 1 / (1 + e^-1)
        assertEquals(1 / (1 + Math.exp(-1)), scored("x", -1000, -1001, false).labelProbabilities().get("ethical"),
                1e-12);
    }
}
