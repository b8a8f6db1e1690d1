package org.reasonlab.core.counterfactual;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
