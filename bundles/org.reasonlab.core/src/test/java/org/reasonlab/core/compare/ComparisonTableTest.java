package org.reasonlab.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.TrainingMode;

class ComparisonTableTest {
    @TempDir
    Path tmp;

    private static final String PREDICTIONS = """
            {"id":"a","statement":"s","goldLabel":"ethical","predictedLabel":"ethical","generatedReason":"r","parseable":true}
            {"id":"b","statement":"s","goldLabel":"ethical","predictedLabel":"ethical","generatedReason":"r","parseable":true}
            {"id":"c","statement":"s","goldLabel":"ethical","predictedLabel":"ethical","generatedReason":"r","parseable":true}
            {"id":"d","statement":"s","goldLabel":"ethical","predictedLabel":"ethical","generatedReason":"r","parseable":true}
            """;

    private Path run(String folder, String spec, String metrics, String reviews) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        if (spec != null) {
            Files.writeString(dir.resolve("spec.json"), spec);
        }
        Files.writeString(dir.resolve("metrics.json"), metrics);
        Files.writeString(dir.resolve("predictions.jsonl"), PREDICTIONS);
        if (reviews != null) {
            Files.writeString(dir.resolve("reviews.jsonl"), reviews);
        }
        return dir;
    }

    private List<RunSummary> runs() throws Exception {
        Path pre = run("eval-llama", null, """
                {"accuracy":0.5,"macroF1":0.4,"unparseableRate":0.25,"reasons":{"agreement":0.5},
                 "mode":"l+r","model":"/models/llama"}""", null);
        Path l = run("l", """
                {"runId":"dfar_l","dataset":"d.jsonl","mode":"l","model":"/models/llama"}""", """
                {"accuracy":0.75,"macroF1":0.7,"unparseableRate":0.25,"reasons":{"agreement":null}}""", null);
        Path lr = run("lr", """
                {"runId":"dfar_l+r","dataset":"d.jsonl","mode":"l+r","model":"/models/llama","tuning":"full"}""", """
                {"accuracy":1.0,"macroF1":1.0,"unparseableRate":0.25,"reasons":{"agreement":0.75}}""", """
                {"id":"a","reviewer":"alice","verdict":"aligned","time":"2025-05-01T09:00:00Z"}
                {"id":"b","reviewer":"alice","verdict":"misaligned","time":"2025-05-01T09:00:00Z"}
                {"id":"c","reviewer":"alice","verdict":"aligned","time":"2025-05-01T09:00:00Z"}
                {"id":"d","reviewer":"alice","verdict":"aligned","time":"2025-05-01T09:00:00Z"}
                {"id":"b","reviewer":"bob","verdict":"misaligned","time":"2025-05-01T09:00:00Z"}
                {"id":"zz","reviewer":"bob","verdict":"misaligned","time":"2025-05-01T09:00:00Z"}
                """);
        return List.of(RunSummary.read(lr), RunSummary.read(pre), RunSummary.read(l));
    }

    @Test
    void summariesReadFromRunFolders() throws Exception {
        List<RunSummary> runs = runs();
        RunSummary lr = runs.get(0);
        RunSummary pre = runs.get(1);
        assertEquals("dfar_l+r", lr.name());
        assertEquals("L+R", lr.setting());
        assertEquals("full", lr.tuning());
        assertEquals(0.25, lr.automaticMisalignment(), 1e-12);
        assertEquals(1, lr.humanMisalignment().misaligned()); // zz is not a prediction of the run
        assertEquals(4, lr.humanMisalignment().reviewed());
        assertEquals(List.of(), lr.problems());
        assertTrue(pre.pretrained());
        assertEquals("eval-llama", pre.name());
        assertEquals("pre-trained", pre.setting());
        assertEquals("/models/llama", pre.model());
        assertEquals(TrainingMode.L_PLUS_R, pre.mode());
        assertEquals(0, pre.humanMisalignment().reviewed());
        assertEquals(null, runs.get(2).automaticMisalignment());
    }

    @Test
    void valuesDeltasAndDifferencesOnly() throws Exception {
        ComparisonTable t = new ComparisonTable(runs(), 1);
        List<ComparisonTable.Row> all = t.rows(false);
        assertEquals(5, all.size());
        assertEquals(List.of(1.0, 0.5, 0.75), all.get(0).values());
        assertEquals(0.5, all.get(0).deltas().get(0), 1e-12);
        assertEquals(0.25, all.get(0).deltas().get(2), 1e-12);
        List<ComparisonMetric> shown = t.rows(true).stream().map(ComparisonTable.Row::metric).toList();
        assertEquals(List.of(ComparisonMetric.ACCURACY, ComparisonMetric.MACRO_F1,
                ComparisonMetric.AUTOMATIC_MISALIGNMENT, ComparisonMetric.HUMAN_MISALIGNMENT), shown);
    }

    @Test
    void metricsNoRunMeasuredAreLeftOutAndLikelihoodAccuracyIsARow() throws Exception {
        ComparisonTable none = new ComparisonTable(runs(), 1);
        assertTrue(none.rows(false).stream().noneMatch(r -> r.metric() == ComparisonMetric.LIKELIHOOD_ACCURACY),
                "no run measured the likelihood accuracy");
        Path pre = run("pre-ll", null, """
                {"accuracy":0.0,"unparseableRate":1.0,"likelihoodAccuracy":0.5}""", null);
        Path lr = run("lr-ll", """
                {"runId":"lr-ll","dataset":"d.jsonl","mode":"l+r"}""", """
                {"accuracy":0.5,"unparseableRate":0.0,"likelihoodAccuracy":0.875}""", null);
        ComparisonTable t = new ComparisonTable(List.of(RunSummary.read(pre), RunSummary.read(lr)), 0);
        ComparisonTable.Row row = t.rows(false).stream()
                .filter(r -> r.metric() == ComparisonMetric.LIKELIHOOD_ACCURACY).findFirst().orElseThrow();
        assertEquals(List.of(0.5, 0.875), row.values());
        assertEquals(0.375, row.deltas().get(1), 1e-12);
        assertTrue(ComparisonMetric.LIKELIHOOD_ACCURACY.higherIsBetter());
        assertTrue(t.rows(false).stream().noneMatch(r -> r.metric() == ComparisonMetric.MACRO_F1),
                "macro-F1 was measured by neither run");
    }

    @Test
    void exactExports() throws Exception {
        ComparisonTable t = new ComparisonTable(runs(), 1);
        TextTable text = t.toText(true);
        assertEquals("Metric,dfar_l+r,dfar_l+r \u0394,eval-llama (baseline),dfar_l,dfar_l \u0394\r\n"
                + "Accuracy (%),100.0,+50.0,50.0,75.0,+25.0\r\n"
                + "Macro-F1 (%),100.0,+60.0,40.0,70.0,+30.0\r\n"
                + "\"Reason misalignment, automatic (%)\",25.0,-25.0,50.0,n/a,n/a\r\n"
                + "\"Reason misalignment, human (%)\",\"25.0 [4.6, 69.9] (n=4)\",n/a,n/a,n/a,n/a\r\n",
                text.toCsv());
        assertEquals("| Metric | dfar_l+r | dfar_l+r \u0394 | eval-llama (baseline) | dfar_l | dfar_l \u0394 |\n"
                + "|---|---:|---:|---:|---:|---:|\n"
                + "| Accuracy (%) | 100.0 | +50.0 | 50.0 | 75.0 | +25.0 |\n"
                + "| Macro-F1 (%) | 100.0 | +60.0 | 40.0 | 70.0 | +30.0 |\n"
                + "| Reason misalignment, automatic (%) | 25.0 | -25.0 | 50.0 | n/a | n/a |\n"
                + "| Reason misalignment, human (%) | 25.0 [4.6, 69.9] (n=4) | n/a | n/a | n/a | n/a |\n",
                text.toMarkdown());
        assertEquals("\\begin{tabular}{lrr}\n\\toprule\n"
                + "Setting & Accuracy (\\%) & Misalignment rate (\\%) \\\\\n\\midrule\n"
                + "pre-trained & 50.0 & 50.0 (auto) \\\\\n"
                + "L & 75.0 & n/a \\\\\n"
                + "L+R & 100.0 & 25.0 [4.6, 69.9] (n=4) \\\\\n"
                + "\\bottomrule\n\\end{tabular}\n", t.paperTable().toLatex());
        assertTrue(text.toLatex().startsWith("\\begin{tabular}{lrrrrr}\n\\toprule\n"
                + "Metric & dfar\\_l+r & dfar\\_l+r $\\Delta$ & eval-llama (baseline)"), text.toLatex());
        assertEquals("a\\&b \\textbackslash{} R-\\textgreater{}L \\textasciitilde{}\\^{}".replace("\\^{}",
                "\\textasciicircum{}"), TextTable.escapeLatex("a&b \\ R->L ~^"));
        assertEquals("a,\"x \"\"y\"\"\"\r\n", new TextTable(List.of("a", "x \"y\""), List.of(), List.of(false, false))
                .toCsv());
    }

    @Test
    void leakageFreeFiguresGetTheirOwnRowsAndPaperColumn() throws Exception {
        Path pre = run("pre-clean", null, """
                {"accuracy":0.5,"macroF1":0.5,"unparseableRate":0.0,"mode":"l","model":"m","leaked":2,
                 "clean":{"accuracy":0.25,"macroF1":0.2,"unparseableRate":0.0,"records":8}}""", null);
        Path l = run("l-clean", """
                {"runId":"l-clean","dataset":"d.jsonl","mode":"l"}""", """
                {"accuracy":0.9,"macroF1":0.9,"unparseableRate":0.0,"leaked":2,
                 "clean":{"accuracy":0.875,"macroF1":0.8,"unparseableRate":0.0,"reasons":{"agreement":0.5},"records":8}}""",
                null);
        RunSummary tuned = RunSummary.read(l);
        assertEquals(0.875, tuned.clean().accuracy());
        assertEquals(0.5, ComparisonMetric.AUTOMATIC_MISALIGNMENT.cleanValue(tuned), 1e-12);
        ComparisonTable t = new ComparisonTable(List.of(RunSummary.read(pre), tuned), 0);
        List<String> labels = t.rows(false).stream().map(ComparisonTable.Row::label).toList();
        assertEquals(List.of("Accuracy (%)", "Accuracy, leakage-free (%)", "Macro-F1 (%)", "Macro-F1, leakage-free (%)",
                "Unparseable (%)", "Unparseable, leakage-free (%)", "Reason misalignment, automatic, leakage-free (%)"),
                labels);
        ComparisonTable.Row clean = t.rows(false).get(1);
        assertEquals(List.of(0.25, 0.875), clean.values());
        assertEquals(0.625, clean.deltas().get(1), 1e-12);
        assertEquals("Setting,Accuracy (%),\"Accuracy, leakage-free (%)\",Misalignment rate (%)\r\n"
                + "pre-trained,50.0,25.0,n/a\r\n" + "L,90.0,87.5,n/a\r\n", t.paperTable().toCsv());
    }
}
