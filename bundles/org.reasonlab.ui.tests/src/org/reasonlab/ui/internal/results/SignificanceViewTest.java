package org.reasonlab.ui.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.ui.internal.WorkbenchTestSupport;

/**
 * The comparison of a run group (three seeds of L and of L+R): statistics over seeds, paired tests, the paper table
 * with marks, and the items two runs disagree on.
 */
class SignificanceViewTest {
    private static final String PROJECT = "significance-test";
    private static final int[] L_RIGHT = {60, 62, 67};
    private IProject project;
    private Path group;

    @BeforeEach
    void createGroup() throws Exception {
        project = WorkbenchTestSupport.createProject(PROJECT);
        List<String> members = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            int right = L_RIGHT[s - 1];
            StatisticsFixtures.run(project, "runs/exp-l-seed" + s, "l", s, 100, i -> i < right, "L");
            members.add("exp-l-seed" + s);
        }
        for (int s = 1; s <= 3; s++) {
            StatisticsFixtures.run(project, "runs/exp-lr-seed" + s, "l+r", s, 100, i -> i < 90, "LR");
            members.add("exp-lr-seed" + s);
        }
        ResultsTestSupport.write(project, "runs/exp.group.json", StatisticsFixtures.groupFile(members));
        group = project.getFolder("runs").getLocation().toPath().resolve("exp.group.json");
    }

    @AfterEach
    void cleanUp() throws Exception {
        var view = WorkbenchTestSupport.page().findView(ComparisonPart.ID);
        if (view != null) {
            WorkbenchTestSupport.page().hideView(view);
        }
        WorkbenchTestSupport.flushEvents();
        WorkbenchTestSupport.deleteProject(PROJECT);
    }

    @Test
    void aGroupShowsIntervalsOverSeedsPairedTestsAndMarks() throws Exception {
        ComparisonPart part = ComparisonPart.show(WorkbenchTestSupport.page(), List.of(group));
        part.joinStatistics();
        assertEquals(12, part.shownHeader().size(), part.shownHeader()::toString); // 6 runs, 5 with a delta
        assertEquals(List.of("Metric", "exp L (baseline)", "exp L+R"), part.shownStatisticsHeader());
        List<String> accuracy = part.shownStatisticsRows().get(0);
        // mean 63.0, sd 3.6, t-interval [54.0, 72.0] over the three L seeds (see SignificanceReportTest)
        assertEquals(List.of("Accuracy (%)", "63.0 \u00b1 3.6 [54.0, 72.0] (n=3)", "90.0 \u00b1 0.0 [90.0, 90.0] (n=3)"),
                accuracy);
        List<List<String>> paired = part.shownPairedRows();
        assertEquals(6, paired.size(), paired::toString); // three L+R runs, all and leakage-free records
        assertEquals(List.of("exp-lr-seed1", "exp-l-seed1", "all", "100", "30", "0"), paired.get(0).subList(0, 6));
        List<List<String>> paper = part.shownPaperRows();
        assertEquals("L (baseline)", paper.get(0).get(0));
        assertEquals("L+R", paper.get(1).get(0));
        assertTrue(paper.get(1).get(2).endsWith("***"), paper::toString);
        String latex = part.exportText(ExportFormat.LATEX, ComparisonPart.Which.PAPER);
        assertTrue(latex.contains("\\toprule") && latex.contains("% * p < 0.05"), latex);
        String csv = part.exportText(ExportFormat.CSV, ComparisonPart.Which.PAIRED);
        assertTrue(csv.startsWith("Run,Baseline,Records,Items,b,c,McNemar p,Holm p"), csv);
    }

    @Test
    void differencesShowTheDiscordantItemsWithBothReasonsAndTheGoldReason() throws Exception {
        ComparisonPart part = ComparisonPart.show(WorkbenchTestSupport.page(), List.of(group));
        part.joinStatistics();
        part.showTab("Differences");
        DiscordantPairsPanel differences = part.differences();
        differences.choose("exp-lr-seed1", "exp-l-seed1");
        List<List<String>> items = differences.shownItems();
        assertEquals(30, items.size()); // r60..r89: only L+R is right
        assertEquals(List.of("r60", "ethical", "\u2713 ethical", "\u2717 unethical", "", "Statement 60."), items.get(0));
        assertTrue(differences.summaryText().startsWith("30 of 100 shared items differ"), differences.summaryText());
        differences.selectItem(1);
        assertEquals(List.of("Statement 61.", "LR reason 61.", "L reason 61.", "Gold reason 61."),
                differences.shownDetail());
        differences.setCleanOnly(true); // r96..r99 are leaked: none of them differs, r60..r89 stay
        assertEquals(30, differences.shownItems().size());
        assertTrue(differences.summaryText().startsWith("30 of 96 leakage-free shared items differ"),
                differences.summaryText());
    }
}
