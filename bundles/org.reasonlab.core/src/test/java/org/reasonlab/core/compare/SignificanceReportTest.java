package org.reasonlab.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.review.WilsonInterval;
import org.reasonlab.core.run.group.RunGroup;
import org.reasonlab.core.run.group.RunGroupFile;
import org.reasonlab.core.significance.HolmCorrection;
import org.reasonlab.core.significance.McNemarTest;

class SignificanceReportTest {
    @TempDir
    Path tmp;

    /**
     * 100 items; the baseline is right on r0..r59, the run on r0..r49 and r60..r89: b = 30 (r60..r89), c = 10
     * (r50..r59). r80..r89 are leaked in both, so on the leakage-free items b = 20, c = 10.
     */
    private ComparisonInputs pair() throws IOException {
        Path base = RunFixtures.run(tmp.resolve("l"), "l", 1, 100, RunFixtures.below(60), i -> i >= 80 && i < 90);
        Path run = RunFixtures.run(tmp.resolve("lr"), "l+r", 1, 100, i -> i < 50 || i >= 60 && i < 90,
                i -> i >= 80 && i < 90);
        return ComparisonInputs.resolve(List.of(run), base);
    }

    @Test
    void mcNemarOnTheSameItemsAllAndLeakageFree() throws Exception {
        SignificanceReport report = pair().report(2000, 7);
        assertEquals("l", report.baselineArm().name());
        assertEquals(1, report.comparisons().size());
        RunComparison c = report.comparisons().get(0);
        assertEquals(100, c.all().items());
        assertEquals(30, c.all().mcnemar().b());
        assertEquals(10, c.all().mcnemar().c());
        // scipy.stats.binomtest(10, 40, 0.5).pvalue = 0.0022214337732293643
        assertEquals(0.0022214337732293643, c.all().mcnemar().p(), 1e-12);
        assertEquals(c.all().mcnemar().p(), c.all().holmP(), 1e-15); // one comparison: Holm changes nothing
        assertEquals(90, c.clean().items());
        assertEquals(20, c.clean().mcnemar().b());
        assertEquals(10, c.clean().mcnemar().c());
        // scipy.stats.binomtest(10, 30, 0.5).pvalue = 0.09873714670538905
        assertEquals(0.09873714670538905, c.clean().mcnemar().p(), 1e-12);
        // run 0.80 - baseline 0.60
        assertEquals(0.20, c.all().accuracyDifference().estimate(), 1e-12);
        assertTrue(c.all().accuracyDifference().low() > 0 && c.all().accuracyDifference().high() < 0.4);
        assertTrue(c.all().accuracyDifference().low() <= 0.2 && c.all().accuracyDifference().high() >= 0.2);
        assertNotNull(c.all().macroF1Difference());
    }

    @Test
    void bootstrapIsReproducibleWithItsSeed() throws Exception {
        ComparisonInputs inputs = pair();
        RunComparison a = inputs.report(1000, 42).comparisons().get(0);
        RunComparison b = inputs.report(1000, 42).comparisons().get(0);
        assertEquals(a.all().accuracyDifference(), b.all().accuracyDifference());
        assertEquals(a.clean().macroF1Difference(), b.clean().macroF1Difference());
    }

    @Test
    void perRunWilsonIntervalsOnAllAndLeakageFreeRecords() throws Exception {
        SignificanceReport report = pair().report(500, 1);
        RunResult run = report.arms().get(1).runs().get(0);
        assertEquals(new Proportion(80, 100), RunFigures.counts(run, ComparisonMetric.ACCURACY, false));
        assertEquals(WilsonInterval.of95(80, 100), RunFigures.wilson(run, ComparisonMetric.ACCURACY, false));
        assertEquals(new Proportion(70, 90), RunFigures.counts(run, ComparisonMetric.ACCURACY, true));
        // every fifth generated reason argues for the other label: 20 of 100
        assertEquals(new Proportion(20, 100), RunFigures.counts(run, ComparisonMetric.AUTOMATIC_MISALIGNMENT, false));
        String table = report.armTable().toText();
        // 80 of 100: Wilson (p + z²/2n ± z√(p(1-p)/n + z²/4n²)) / (1 + z²/n) in Python = 0.71117, 0.86663
        assertTrue(table.contains("80.0 [71.1, 86.7]"), table);
    }

    /** Three seeds of L (accuracy 0.60, 0.62, 0.67) and of L+R (0.90 each), as one sweep group. */
    private Path sweep() throws IOException {
        List<Path> members = new ArrayList<>();
        int[] lRight = {60, 62, 67};
        for (int s = 1; s <= 3; s++) {
            int n = lRight[s - 1];
            members.add(RunFixtures.run(tmp.resolve("runs/exp-l-seed" + s), "l", s, 100, RunFixtures.below(n),
                    RunFixtures.none()));
        }
        for (int s = 1; s <= 3; s++) {
            members.add(RunFixtures.run(tmp.resolve("runs/exp-lr-seed" + s), "l+r", s, 100, RunFixtures.below(90),
                    RunFixtures.none()));
        }
        RunGroup group = RunGroup.of(tmp.resolve("runs"), "exp", RunGroup.Origin.SWEEP,
                Instant.parse("2026-12-06T10:00:00Z"), members);
        RunGroupFile.write(group);
        return group.file();
    }

    @Test
    void groupArmsMeanSdAndTIntervalOverSeeds() throws Exception {
        SignificanceReport report = ComparisonInputs.resolve(List.of(sweep()), null).report(500, 1);
        assertEquals(List.of("exp L", "exp L+R"), report.arms().stream().map(ComparisonArm::name).toList());
        assertEquals(0, report.baseline());
        var s = report.arms().get(0).statistic(ComparisonMetric.ACCURACY, false);
        // statistics.mean/stdev([0.60, 0.62, 0.67]) = 0.63, 0.036055512754639925;
        // 0.63 -/+ scipy.stats.t.ppf(0.975, 2) * sd / sqrt(3) = 0.540433141049704, 0.719566858950296
        assertEquals(3, s.n());
        assertEquals(0.63, s.mean(), 1e-12);
        assertEquals(0.036055512754639925, s.sd(), 1e-12);
        assertEquals(0.540433141049704, s.low(), 1e-9);
        assertEquals(0.719566858950296, s.high(), 1e-9);
    }

    @Test
    void groupRunsArePairedSeedBySeedAndHolmCorrected() throws Exception {
        SignificanceReport report = ComparisonInputs.resolve(List.of(sweep()), null).report(500, 1);
        assertEquals(3, report.comparisons().size());
        double[] raw = new double[3];
        for (int i = 0; i < 3; i++) {
            RunComparison c = report.comparisons().get(i);
            assertEquals(c.run().seed(), c.baseline().seed());
            raw[i] = c.all().mcnemar().p();
            assertEquals(McNemarTest.of(90 - new int[] {60, 62, 67}[i], 0), c.all().mcnemar());
        }
        double[] holm = HolmCorrection.adjust(raw);
        for (int i = 0; i < 3; i++) {
            assertEquals(holm[i], report.comparisons().get(i).all().holmP(), 1e-15);
        }
        assertEquals("***", report.mark(report.arms().get(1), false));
        assertEquals("", report.mark(report.arms().get(0), false));
        String paper = report.paperTable().toText();
        assertTrue(paper.contains("L (baseline)"), paper);
        assertTrue(paper.contains("90.0 [90.0, 90.0]***"), paper);
        String latex = report.paperTable().toLatex();
        assertTrue(latex.contains("\\toprule") && latex.contains("\\bottomrule"), latex);
    }

    @Test
    void jsonCarriesMcNemarBootstrapAndIntervalsOnAllAndClean() throws Exception {
        JsonObject json = SignificanceJson.of(pair().report(500, 3));
        JsonObject run = json.getAsJsonArray("runs").get(1).getAsJsonObject();
        assertEquals("lr", run.get("name").getAsString());
        JsonObject all = run.getAsJsonObject("versusBaseline").getAsJsonObject("all");
        assertEquals(30, all.getAsJsonObject("mcnemar").get("b").getAsInt());
        assertEquals(10, all.getAsJsonObject("mcnemar").get("c").getAsInt());
        assertEquals(0.0022214337732293643, all.getAsJsonObject("mcnemar").get("p").getAsDouble(), 1e-12);
        assertEquals(0.2, all.getAsJsonObject("accuracyDifference").get("estimate").getAsDouble(), 1e-12);
        JsonObject clean = run.getAsJsonObject("versusBaseline").getAsJsonObject("clean");
        assertEquals(20, clean.getAsJsonObject("mcnemar").get("b").getAsInt());
        JsonObject acc = run.getAsJsonObject("metrics").getAsJsonObject("clean").getAsJsonObject("accuracy");
        assertEquals(70, acc.get("k").getAsInt());
        assertEquals(90, acc.get("n").getAsInt());
        assertEquals(WilsonInterval.of95(70, 90).low(), acc.get("low").getAsDouble(), 1e-12);
        assertNull(json.getAsJsonArray("runs").get(0).getAsJsonObject().get("versusBaseline"));
        // every metric with its interval: Wilson for the proportions, a seeded bootstrap for macro-F1
        JsonObject allMetrics = run.getAsJsonObject("metrics").getAsJsonObject("all");
        JsonObject f1 = allMetrics.getAsJsonObject("macroF1");
        assertEquals("bootstrap", f1.get("interval").getAsString());
        assertTrue(f1.get("low").getAsDouble() <= f1.get("value").getAsDouble()
                && f1.get("value").getAsDouble() <= f1.get("high").getAsDouble(), f1::toString);
        JsonObject unparseable = allMetrics.getAsJsonObject("unparseableRate");
        assertEquals(0, unparseable.get("k").getAsInt());
        assertEquals(100, unparseable.get("n").getAsInt());
        assertEquals("wilson", unparseable.get("interval").getAsString());
    }

    @Test
    void aPathThatIsNeitherRunNorGroupIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> ComparisonInputs.resolve(List.of(tmp.resolve("nothing")), null));
        assertTrue(e.getMessage().contains("nothing") && e.getMessage().contains("neither a run folder"),
                e.getMessage());
    }

    @Test
    void itemsUnderOneIdThatAreNotTheSameRecordAreNotPaired() throws Exception {
        Path base = RunFixtures.run(tmp.resolve("l"), "l", 1, 20, RunFixtures.below(10), RunFixtures.none());
        Path other = RunFixtures.run(tmp.resolve("lr"), "l+r", 1, 20, RunFixtures.below(20), RunFixtures.none());
        // the same ids r0..r19, but the second run was evaluated on other statements for r15..r19
        String text = java.nio.file.Files.readString(other.resolve("predictions.jsonl"));
        for (int i = 15; i < 20; i++) {
            text = text.replace("\"statement " + i + "\"", "\"another statement " + i + "\"");
        }
        java.nio.file.Files.writeString(other.resolve("predictions.jsonl"), text);
        SignificanceReport report = ComparisonInputs.resolve(List.of(other), base).report(200, 1);
        PairedFigures all = report.comparisons().get(0).all();
        assertEquals(15, all.items());
        assertEquals(5, all.mismatched());
        assertEquals(McNemarTest.of(5, 0), all.mcnemar()); // r10..r14 only; r15..r19 are other records
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("5 items share an id but not the statement")),
                report.problems()::toString);
    }

    @Test
    void aPredictedLabelThatIsNoGoldLabelIsAClassOfItsOwn() {
        java.util.Map<String, org.reasonlab.core.run.Prediction> a = new java.util.LinkedHashMap<>();
        java.util.Map<String, org.reasonlab.core.run.Prediction> b = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            a.put("k" + i, new org.reasonlab.core.run.Prediction("k" + i, "s" + i, "ethical", null, "x",
                    i < 4 ? "ethical" : "unethical", null, true, null, null, null, null));
            b.put("k" + i, new org.reasonlab.core.run.Prediction("k" + i, "s" + i, "ethical", null, "x",
                    i < 2 ? "ethical" : "unethical", null, true, null, null, null, null));
        }
        PairedItems pairs = PairedItems.of(new RunOutcomes(tmp, 1L, a, List.of("ethical")),
                new RunOutcomes(tmp, 1L, b, List.of("ethical")), false);
        PairedFigures f = PairedFigures.of(pairs, List.of("ethical"), 100, 1);
        assertEquals(McNemarTest.of(2, 0), f.mcnemar());
        assertNotNull(f.macroF1Difference());
    }

    @Test
    void aRunPairedWithAnotherSeedIsReported() throws Exception {
        List<Path> members = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            members.add(RunFixtures.run(tmp.resolve("runs/l-seed" + s), "l", s, 10, RunFixtures.below(5),
                    RunFixtures.none()));
        }
        members.add(RunFixtures.run(tmp.resolve("runs/lr-seed7"), "l+r", 7, 10, RunFixtures.below(8),
                RunFixtures.none()));
        RunGroup group = RunGroup.of(tmp.resolve("runs"), "odd", RunGroup.Origin.SELECTION, Instant.now(), members);
        RunGroupFile.write(group);
        SignificanceReport report = ComparisonInputs.resolve(List.of(group.file()), null).report(200, 1);
        RunComparison c = report.comparisons().get(0);
        assertEquals("l-seed1", c.baseline().name());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("lr-seed7 (seed 7): the baseline has no run"
                + " with that seed")), report.problems()::toString);
        assertNotNull(c.all().macroF1Difference());
    }

    @Test
    void aRatioSweepGivesOneArmPerRatioNamedByItsShares() throws Exception {
        List<Path> members = new ArrayList<>();
        for (String ratio : List.of("0.1", "0.5")) {
            for (int s = 1; s <= 2; s++) {
                Path run = RunFixtures.run(tmp.resolve("runs/mix-ratio" + ratio + "-seed" + s), "l+r", s, 20,
                        RunFixtures.below(ratio.equals("0.1") ? 15 : 10), RunFixtures.none());
                String spec = Files.readString(run.resolve("spec.json"));
                double r = Double.parseDouble(ratio);
                Files.writeString(run.resolve("spec.json"), spec.substring(0, spec.length() - 1)
                        + ",\"mixture\":[{\"dataset\":\"self\",\"ratio\":" + (1 - r) + "},"
                        + "{\"dataset\":\"/d/augmented.jsonl\",\"ratio\":" + r + ",\"tag\":true}],"
                        + "\"counterfactualAttributes\":\"builtin:gender\",\"consistencyWeight\":0.5}");
                members.add(run);
            }
        }
        RunGroup group = RunGroup.of(tmp.resolve("runs"), "mix", RunGroup.Origin.SWEEP, Instant.now(), members);
        RunGroupFile.write(group);
        SignificanceReport report = ComparisonInputs.resolve(List.of(group.file()), null).report(200, 1);
        assertEquals(List.of("mix L+R [mixture self 0.9 + augmented 0.1 (tag), counterfactual gender λ 0.5]",
                "mix L+R [mixture self 0.5 + augmented 0.5 (tag), counterfactual gender λ 0.5]"),
                report.arms().stream().map(ComparisonArm::name).toList());
        assertEquals(0.75, report.arms().get(0).statistic(ComparisonMetric.ACCURACY, false).mean(), 1e-12);
        assertEquals(0.5, report.arms().get(1).statistic(ComparisonMetric.ACCURACY, false).mean(), 1e-12);
        assertEquals(List.of(1L, 2L), report.arms().get(1).seeds());
    }
}
