package org.reasonlab.ui.internal.views.overview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.stats.DatasetStatistics;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.contenttype.DatasetContentTypes;
import org.reasonlab.ui.internal.samples.SampleProjectCreator;

class DatasetOverviewViewTest {
    private static final String PROJECT = "overview-test";

    /** Six records (4 ethical, 2 unethical; 4 train, 2 test) and one line that is not JSON. */
    static final String SMALL_DATASET = String.join("\n",
            "{\"id\":\"t1\",\"statement\":\"I helped my neighbour carry her bags.\",\"label\":\"ethical\",\"reason\":\"Helping someone who struggles is kind and costs me little.\",\"split\":\"train\"}",
            "{\"id\":\"t2\",\"statement\":\"I returned a lost phone to the front desk.\",\"label\":\"ethical\",\"reason\":\"The phone belongs to someone else, so handing it in is honest.\",\"split\":\"train\"}",
            "{\"id\":\"t3\",\"statement\":\"I lied to my boss about being ill.\",\"label\":\"unethical\",\"reason\":\"Lying to get a day off deceives my employer and burdens colleagues.\",\"split\":\"train\"}",
            "{\"id\":\"t4\",\"statement\":\"I thanked the bus driver.\",\"label\":\"ethical\",\"reason\":\"Thanking people for their work shows respect.\",\"split\":\"train\"}",
            "{\"id\":\"t5\",\"statement\":\"I read my partner's messages in secret.\",\"label\":\"unethical\",\"reason\":\"Reading private messages without consent violates trust and privacy.\",\"split\":\"test\"}",
            "{\"id\":\"t6\" \"statement\": this line is broken",
            "{\"id\":\"t7\",\"statement\":\"I kept a promise to call my grandmother.\",\"label\":\"ethical\",\"reason\":\"Keeping promises to family shows I care and can be relied on.\",\"split\":\"test\"}",
            "");

    private IProject project;
    private DatasetOverviewView view;

    @BeforeEach
    void setUp() throws Exception {
        project = WorkbenchTestSupport.createProject(PROJECT);
        view = WorkbenchTestSupport.showOverview();
    }

    @AfterEach
    void tearDown() throws Exception {
        WorkbenchTestSupport.flushEvents();
        WorkbenchTestSupport.deleteProject(PROJECT);
    }

    @Test
    void workspaceFilesAreDatasetsByContentType() throws Exception {
        assertTrue(DatasetContentTypes.isDataset(WorkbenchTestSupport.writeFile(project, "small.jsonl", SMALL_DATASET)));
        assertTrue(DatasetContentTypes.isDataset(
                WorkbenchTestSupport.writeFile(project, "dfar.csv", "Statement,Label,Reason\r\nI lied.,1,It deceives.\r\n")));
        assertTrue(!DatasetContentTypes.isDataset(WorkbenchTestSupport.writeFile(project, "plain.csv", "a,b,c\n1,2,3\n")));
        assertTrue(!DatasetContentTypes.isDataset(WorkbenchTestSupport.writeFile(project, "notes.txt", "hello")));
    }

    @Test
    void showsRecordLabelAndSplitCountsOfASmallDataset() throws Exception {
        IFile file = WorkbenchTestSupport.writeFile(project, "small.jsonl", SMALL_DATASET);

        view.showDataset(file);
        Job job = view.currentJob();
        assertNotNull(job, "a job reads the file");
        WorkbenchTestSupport.waitForOverview(view);

        assertNull(view.shownMessage(), () -> "no message, but: " + view.shownMessage());
        DatasetOverview overview = view.shownOverview();
        assertNotNull(overview);
        assertEquals(file, overview.file());
        assertEquals(1, overview.parseProblemCount(), () -> "parse problems: " + overview.load().problems());

        DatasetStatistics stats = view.shownStatistics();
        assertEquals(6, stats.records());
        assertEquals(1, stats.unparsedLines());
        assertEquals(4, stats.labelCounts().get("ethical"));
        assertEquals(2, stats.labelCounts().get("unethical"));
        assertEquals(4, stats.splitCounts().get("train"));
        assertEquals(2, stats.splitCounts().get("test"));

        assertEquals(List.of("ethical\t4\t66.7 %", "unethical\t2\t33.3 %"), view.labelTableRows());
        assertEquals(List.of("train\t4\t66.7 %", "validation\t0\t0.0 %", "test\t2\t33.3 %"), view.splitTableRows());
        assertEquals(List.of("ethical\t3\t1\t4", "unethical\t1\t1\t2"), view.labelBySplitRows());
        assertTrue(view.qualityRows().contains("Unparsed lines\t1"), () -> "quality rows: " + view.qualityRows());
        assertEquals(6, (int) Arrays.stream(view.histogramCounts()).sum(), "every reason is in a bar");
        Map<Severity, Integer> bySeverity = overview.problemsBySeverity();
        assertEquals(overview.validationProblems().size(),
                bySeverity.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(Severity.values().length, view.validationRows().size());
    }

    @Test
    void followsTheProjectExplorerSelection() throws Exception {
        IFile file = WorkbenchTestSupport.writeFile(project, "selected.jsonl", SMALL_DATASET);
        IViewPart explorer = WorkbenchTestSupport.page().showView(IPageLayout.ID_PROJECT_EXPLORER);
        WorkbenchTestSupport.page().activate(explorer);
        ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(file));

        WorkbenchTestSupport.waitUntil("the overview shows selected.jsonl", () -> view.shownOverview() != null
                && view.shownOverview().file().equals(file));
        assertEquals(6, view.shownStatistics().records());

        ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(project));
        WorkbenchTestSupport.waitUntil("the overview asks for a dataset", () -> view.shownMessage() != null);
        assertEquals(DatasetOverviewView.NO_DATASET_MESSAGE, view.shownMessage());
        assertNull(view.shownOverview());
    }

    @Test
    void aNewerSelectionReplacesTheOlderJob() throws Exception {
        IFile first = WorkbenchTestSupport.writeFile(project, "first.jsonl", SMALL_DATASET);
        IFile second = WorkbenchTestSupport.writeFile(project, "second.jsonl", SMALL_DATASET.lines().limit(2)
                .reduce("", (a, b) -> a + b + "\n"));

        view.showDataset(first);
        Job firstJob = view.currentJob();
        view.showDataset(second);
        Job secondJob = view.currentJob();
        assertTrue(firstJob != secondJob, "a new job for the newer file");
        WorkbenchTestSupport.waitForJob(firstJob);
        WorkbenchTestSupport.waitForOverview(view);

        assertEquals(second, view.shownOverview().file());
        assertEquals(2, view.shownStatistics().records());
    }

    @Test
    void aFileThatCannotBeReadShowsItsErrorInTheView() throws Exception {
        IFile file = WorkbenchTestSupport.writeFile(project, "vanished.jsonl", SMALL_DATASET);
        Files.delete(file.getLocation().toPath()); // the workspace still believes it exists

        view.showDataset(file);
        WorkbenchTestSupport.waitForOverview(view);

        assertNull(view.shownOverview());
        String message = view.shownMessage();
        assertNotNull(message);
        assertTrue(message.contains("vanished.jsonl"), message);
    }

    @Test
    void sampleDatasetShowsItsDeliberateFlaws() throws Exception {
        IFile sample = new SampleProjectCreator().createOrReuse(null);
        try {
            view.showDataset(sample);
            WorkbenchTestSupport.waitForOverview(view);
            assertEquals(50, view.shownStatistics().records());
            assertEquals(0, view.shownOverview().parseProblemCount());
            List<String> kinds = view.validationKindRows();
            assertTrue(kinds.stream().anyMatch(row -> row.startsWith("Short reason\t") && row.contains("s021")),
                    () -> "short reason of s021 among " + kinds);
            assertTrue(kinds.stream().anyMatch(row -> row.contains("whitespace") && row.contains("s028")),
                    () -> "trailing space of s028 among " + kinds);
        } finally {
            WorkbenchTestSupport.deleteProject(SampleProjectCreator.PROJECT_NAME);
        }
    }

    @Test
    void histogramBarsAddUpToTheMeasuredReasons() throws Exception {
        IFile file = WorkbenchTestSupport.writeFile(project, "histogram.jsonl", SMALL_DATASET);
        view.showDataset(file);
        WorkbenchTestSupport.waitForOverview(view);
        double total = Arrays.stream(view.histogramCounts()).sum();
        assertEquals(view.shownStatistics().reasonWords().count(), (int) total);
        assertArrayEquals(Arrays.stream(view.shownStatistics().reasonWords().histogram().counts())
                .asDoubleStream().toArray(), view.histogramCounts());
    }
}
