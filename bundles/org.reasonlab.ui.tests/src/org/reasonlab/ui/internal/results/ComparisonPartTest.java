package org.reasonlab.ui.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.ui.internal.WorkbenchTestSupport;

/** The comparison view on three run folders: pre-trained, L and L+R with reviews. */
class ComparisonPartTest {
    private static final String PROJECT = "comparison-test";
    private IProject project;
    private List<Path> runs;

    @BeforeEach
    void createRuns() throws Exception {
        project = WorkbenchTestSupport.createProject(PROJECT);
        Path pre = ResultsTestSupport.folder(project, "runs/pre");
        ResultsTestSupport.write(project, "runs/pre/metrics.json", """
                {"accuracy":0.5,"macroF1":0.4,"unparseableRate":0.1,"model":"tiny","mode":"l+r","reasons":{"agreement":0.6}}
                """);
        Path l = ResultsTestSupport.folder(project, "runs/l");
        ResultsTestSupport.write(project, "runs/l/spec.json", """
                {"version":1,"runId":"run-l","dataset":"/data/d.jsonl","mode":"l"}
                """);
        ResultsTestSupport.write(project, "runs/l/metrics.json", """
                {"accuracy":0.7,"macroF1":0.65,"unparseableRate":0.1}
                """);
        Path lr = ResultsTestSupport.folder(project, "runs/lr");
        ResultsTestSupport.write(project, "runs/lr/spec.json", """
                {"version":1,"runId":"run-lr","dataset":"/data/d.jsonl","mode":"l+r"}
                """);
        ResultsTestSupport.write(project, "runs/lr/metrics.json", """
                {"accuracy":0.75,"macroF1":0.7,"unparseableRate":0.1,"reasons":{"agreement":0.8}}
                """);
        ResultsTestSupport.write(project, "runs/lr/predictions.jsonl", ReviewEditorTest.prediction("p1", "unethical",
                "unethical", true, true) + "\n" + ReviewEditorTest.prediction("p2", "ethical", "ethical", true, true) + "\n");
        ResultsTestSupport.write(project, "runs/lr/reviews.jsonl", """
                {"id":"p1","reviewer":"alice","verdict":"misaligned","time":"2025-05-01T09:30:00Z"}
                {"id":"p2","reviewer":"alice","verdict":"aligned","time":"2025-05-01T09:31:00Z"}
                """);
        runs = List.of(pre, l, lr);
    }

    @AfterEach
    void cleanUp() throws Exception {
        IProject p = project;
        var view = WorkbenchTestSupport.page().findView(ComparisonPart.ID);
        if (view != null) {
            WorkbenchTestSupport.page().hideView(view);
        }
        WorkbenchTestSupport.flushEvents();
        if (p != null) {
            WorkbenchTestSupport.deleteProject(PROJECT);
        }
    }

    @Test
    void showsRunsAsColumnsWithDeltasAgainstTheBaseline() throws Exception {
        ComparisonPart part = ComparisonPart.show(WorkbenchTestSupport.page(), runs);
        assertEquals(List.of("Metric", "pre (baseline)", "run-l", "run-l \u0394", "run-lr", "run-lr \u0394"),
                part.shownHeader());
        List<List<String>> rows = part.shownRows();
        assertEquals(5, rows.size(), rows::toString);
        assertEquals(List.of("Accuracy (%)", "50.0", "70.0", "+20.0", "75.0", "+25.0"), rows.get(0));
        assertEquals(List.of("Macro-F1 (%)", "40.0", "65.0", "+25.0", "70.0", "+30.0"), rows.get(1));
        assertEquals(List.of("Unparseable (%)", "10.0", "10.0", "0.0", "10.0", "0.0"), rows.get(2));
        assertEquals(List.of("Reason misalignment, automatic (%)", "40.0", "n/a", "n/a", "20.0", "-20.0"), rows.get(3));
        assertEquals(List.of("Reason misalignment, human (%)", "n/a", "n/a", "n/a", "50.0 [9.5, 90.5] (n=2)", "n/a"),
                rows.get(4));

        part.setDifferencesOnly(true);
        assertEquals(4, part.shownRows().size());
        assertTrue(part.shownRows().stream().noneMatch(r -> r.get(0).startsWith("Unparseable")));

        part.setBaseline(2);
        assertEquals(List.of("Metric", "pre", "pre \u0394", "run-l", "run-l \u0394", "run-lr (baseline)"),
                part.shownHeader());
        assertEquals(List.of("Accuracy (%)", "50.0", "-25.0", "70.0", "-5.0", "75.0"), part.shownRows().get(0));
    }

    @Test
    void showsThePaperTable() throws Exception {
        ComparisonPart part = ComparisonPart.show(WorkbenchTestSupport.page(), List.of(runs.get(2), runs.get(1), runs.get(0)));
        part.joinStatistics();
        assertEquals(List.of("Setting", "Seeds", "Accuracy (%)", "Misalignment rate (%)"), part.shownPaperHeader());
        // run-lr's accuracy interval comes from its two predictions (both right), its human rate from 1 of 2 reviews
        assertEquals(List.of(List.of("pre-trained", "1", "50.0", "40.0 (auto)"), List.of("L", "1", "70.0", "n/a"),
                List.of("L+R (baseline)", "1", "75.0 [34.2, 100.0]", "50.0 [9.5, 90.5]")), part.shownPaperRows());
    }

    @Test
    void exportsCsvMarkdownAndLatex() throws Exception {
        ComparisonPart part = ComparisonPart.show(WorkbenchTestSupport.page(), runs);
        part.joinStatistics();
        assertEquals("Setting,Seeds,Accuracy (%),Misalignment rate (%)\r\n" + "pre-trained (baseline),1,50.0,40.0 (auto)\r\n"
                + "L,1,70.0,n/a\r\n" + "L+R,1,\"75.0 [34.2, 100.0]\",\"50.0 [9.5, 90.5]\"\r\n",
                part.exportText(ExportFormat.CSV, ComparisonPart.Which.PAPER));

        part.setDifferencesOnly(true);
        String markdown = part.exportText(ExportFormat.MARKDOWN, ComparisonPart.Which.COMPARISON);
        assertTrue(markdown.startsWith("| Metric | pre (baseline) | run-l | run-l \u0394 | run-lr | run-lr \u0394 |\n"
                + "|---|---:|---:|---:|---:|---:|\n| Accuracy (%) | 50.0 | 70.0 | +20.0 | 75.0 | +25.0 |\n"), markdown);
        assertEquals(6, markdown.lines().count(), markdown);

        String latex = part.exportText(ExportFormat.LATEX, ComparisonPart.Which.COMPARISON);
        assertTrue(latex.startsWith("\\begin{tabular}{lrrrrr}\n\\toprule\n"), latex);
        assertTrue(latex.contains("Metric & pre (baseline) & run-l & run-l $\\Delta$ & run-lr & run-lr $\\Delta$ \\\\\n"), latex);
        assertTrue(latex.contains("Accuracy (\\%) & 50.0 & 70.0 & +20.0 & 75.0 & +25.0 \\\\\n"), latex);
        assertTrue(latex.endsWith("\\bottomrule\n\\end{tabular}\n"), latex);

        Path file = Files.createTempFile("comparison", ".csv");
        try {
            part.export(ExportFormat.CSV, ComparisonPart.Which.COMPARISON, file);
            String csv = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("Metric,pre (baseline),run-l,run-l \u0394,run-lr,run-lr \u0394\r\n"), csv);
            assertTrue(csv.contains("\"50.0 [9.5, 90.5] (n=2)\""), csv);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
