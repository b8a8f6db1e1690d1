package org.reasonlab.core.counterfactual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.compare.Proportion;
import org.reasonlab.core.run.Prediction;

class ProbeJsonTest {
    @TempDir
    Path dir;

    /** probe.json as the first probe wrote it: no subject, no likelihood shift, no probabilities. */
    static final String OLD = """
            {"attributes":"gender","records":4,"withAttribute":3,"skippedAsAmbiguous":1,
             "all":{"labelFlips":{"k":1,"n":2,"rate":0.5},"reasonVerdictFlips":{"k":0,"n":1,"rate":0.0},
                    "likelihoodLabelFlips":{"k":1,"n":2,"rate":0.5},"labelFlipsByValue":{"female":{"k":1,"n":2,"rate":0.5}},
                    "labelFlipsByPair":{"he\\u2192she":{"k":1,"n":2,"rate":0.5},"his\\u2192her":{"k":0,"n":1,"rate":0.0}}},
             "clean":{"labelFlips":{"k":0,"n":1,"rate":0.0},"reasonVerdictFlips":{"k":0,"n":1,"rate":0.0},
                    "likelihoodLabelFlips":{"k":1,"n":2,"rate":0.5},"labelFlipsByValue":{},"labelFlipsByPair":{}},
             "flipped":[{"id":"a","value":"female","pairs":"he\\u2192she","leaked":true,
                         "statement":"He returned the wallet.","variantStatement":"She returned the wallet.",
                         "label":"ethical","variantLabel":"unethical","reason":"He was honest.","variantReason":null}]}
            """;

    private static Prediction prediction(String id, String statement, String label, double ethical, double unethical) {
        Map<String, Double> ll = new LinkedHashMap<>();
        ll.put("ethical", ethical);
        ll.put("unethical", unethical);
        return new Prediction(id, statement, "ethical", null, label, label, "Because.", true, null, null, null, null,
                ethical >= unethical ? "ethical" : "unethical", false, false).withLabelLogLikelihoods(ll);
    }

    private static ProbeResults results() {
        // a flips (p(ethical) 3/4 -> 1/2), b does not (1/2 -> 1/2)
        ProbePair a = new ProbePair(prediction("a", "He helped.", "ethical", Math.log(3), 0),
                prediction("a~female", "She helped.", "unethical", 0, 0), "female", List.of("he\u2192she"));
        ProbePair b = new ProbePair(prediction("b", "His dog.", "ethical", 0, 0),
                prediction("b~female", "Her dog.", "ethical", 0, 0), "female", List.of("his\u2192her"));
        return ProbeResults.of(new ProbeReport(List.of(a, b)), "gender",
                new ProbeResults.Subject("tiny", "run-1", "/data/d.jsonl", "test"), 3, 2, 1);
    }

    @Test
    void writesAndReadsTheSameResults() throws IOException {
        ProbeResults r = results();
        Path file = dir.resolve("probe.json");
        ProbeJson.write(r, file);
        ProbeResults back = ProbeJson.read(file);
        assertEquals(r, back);
        assertEquals(new Proportion(1, 2), back.all().labelFlips());
        assertEquals(0.5, back.labelFlipRate(false), 1e-12);
        assertEquals("run-1", back.subject().run());
        LikelihoodShift shift = back.all().likelihoodShift();
        assertEquals(2, shift.n());
        assertEquals(0.125, shift.meanAbsGoldShift(), 1e-12);
        assertEquals(-0.125, shift.meanGoldShift(), 1e-12);
        assertEquals(0.125, shift.meanShiftByLabel().get("unethical"), 1e-12);
        assertEquals(-0.25, back.all().likelihoodShiftByPair().get("he\u2192she").meanGoldShift(), 1e-12);
        ProbeResults.Flip f = back.flipped().get(0);
        assertEquals("ethical", f.goldLabel());
        assertEquals(0.75, f.probabilities().get("ethical"), 1e-12);
        assertEquals(-0.25, f.goldShift(), 1e-12);
        String text = Files.readString(file);
        assertTrue(text.contains("\"meanAbsGoldShift\": 0.125"), text);
        assertTrue(text.contains("\"likelihoodShiftByValue\""), text);
    }

    @Test
    void theSummaryPrintsFlipsAndShifts() {
        String s = results().humanSummary().replace(System.lineSeparator(), "\n");
        assertEquals(String.join("\n",
                "counterfactual probe (gender): 2 of 3 records hold its words, 2 variant(s) evaluated, 1 left out as"
                        + " ambiguous",
                "                               all pairs              leakage-free",
                "  label flips                  50.0% (1/2)            50.0% (1/2)",
                "  reason verdict flips         n/a                    n/a",
                "  likely label flips           0.0% (0/2)             0.0% (0/2)",
                "  mean |\u0394p(gold)|              0.1250 (2)             0.1250 (2)",
                "  mean \u0394p(gold)                -0.1250                -0.1250",
                "  mean \u0394p(ethical)             -0.1250                -0.1250",
                "  mean \u0394p(unethical)           +0.1250                +0.1250",
                "  by value / substitution      label flips            mean |\u0394p(gold)|    mean \u0394p(gold)",
                "  female                       50.0% (1/2)            0.1250 (2)         -0.1250",
                "  he\u2192she                       100.0% (1/1)           0.2500 (1)         -0.2500",
                "  his\u2192her                      0.0% (0/1)             0.0000 (1)         +0.0000", ""), s);
        assertEquals("Counterfactual probe (gender): label flips 50.0% (1/2); reason verdict flips n/a; likely label"
                + " flips 0.0% (0/2); mean |\u0394p(gold)| 0.1250", results().headline());
    }

    @Test
    void filesOfTheFirstProbeStillRead() throws IOException {
        Path file = Files.writeString(dir.resolve("probe.json"), OLD);
        ProbeResults r = ProbeJson.read(file);
        assertEquals("gender", r.attributes());
        assertNull(r.subject().model());
        assertEquals(4, r.records());
        assertEquals(new Proportion(0, 1), r.clean().labelFlips());
        assertEquals(0.0, r.labelFlipRate(true), 0);
        assertEquals(0, r.all().likelihoodShift().n());
        assertEquals(List.of("he\u2192she", "his\u2192her"), List.copyOf(r.all().labelFlipsByPair().keySet()));
        ProbeResults.Flip f = r.flipped().get(0);
        assertTrue(f.leaked());
        assertNull(f.variantReason());
        assertNull(f.probabilities());
        assertNull(f.goldShift());
        assertEquals("Counterfactual probe (gender): label flips 50.0% (1/2), leakage-free 0.0% (0/1); reason verdict"
                + " flips 0.0% (0/1); likely label flips 50.0% (1/2)", r.headline());
    }

    @Test
    void errorsNameTheFileAndTheField() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> ProbeJson.read(Files.writeString(dir.resolve("probe.json"), "{\"attributes\":\"g\"}")));
        assertEquals("probe.json: not a probe.json (no \"all\" figures)", e.getMessage());
        e = assertThrows(IOException.class, () -> ProbeJson.read(Files.writeString(dir.resolve("probe.json"),
                OLD.replace("\"k\":1,\"n\":2,\"rate\":0.5},\"reasonVerdictFlips\"", "\"k\":3,\"n\":2},\"reasonVerdictFlips\""))));
        assertEquals("probe.json: all.labelFlips.k must not exceed n", e.getMessage());
        e = assertThrows(IOException.class, () -> ProbeJson.read(Files.writeString(dir.resolve("probe.json"),
                OLD.replace("\"label\":\"ethical\"", "\"label\":1"))));
        assertEquals("probe.json: flipped[0].label must be text", e.getMessage());
        e = assertThrows(IOException.class, () -> ProbeJson.read(Files.writeString(dir.resolve("probe.json"), "[1]")));
        assertEquals("probe.json: not a JSON object", e.getMessage());
        JsonObject noCounts = ProbeJson.toJson(results());
        noCounts.remove("records");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ProbeJson.parse(noCounts));
        assertEquals("records is missing", missing.getMessage());
    }
}
