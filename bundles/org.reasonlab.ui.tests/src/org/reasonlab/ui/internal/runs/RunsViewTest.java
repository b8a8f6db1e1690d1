package org.reasonlab.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.ui.RunCommands;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;
import org.reasonlab.ui.internal.Screenshots;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.results.ReviewEditor;
import org.reasonlab.ui.internal.results.RunFolderInput;

/** The Runs view and the run page on run folders with known contents. */
class RunsViewTest {
    private static final String PROJECT = "runs-view-test";

    private static final String SPEC_DONE = """
            {"version":1,"runId":"done-run","dataset":"/data/dfar.jsonl","mode":"l+r","model":"tiny","tuning":"lora",
             "learningRate":2.0E-4,"epochs":1,"batchSize":4,"seed":7}
            """;
    private static final String EVENTS_DONE = """
            {"type":"started","time":"2025-05-01T09:30:00Z","runId":"done-run","mode":"l+r","model":"tiny","tuning":"lora","trainExamples":8,"evalExamples":4,"totalSteps":3,"environment":{"java":"21","djl":"0.35.1","engine":"PyTorch","device":"cpu","seed":7}}
            {"type":"step","time":"2025-05-01T09:30:01Z","step":1,"epoch":1,"loss":2.0,"learningRate":2.0E-4,"tokensPerSecond":100.0,"gradNorm":1.0}
            this is not json at all
            {"type":"step","time":"2025-05-01T09:30:02Z","step":2,"epoch":1,"loss":1.5,"learningRate":2.0E-4}
            {"type":"eval","time":"2025-05-01T09:30:02Z","step":2,"metrics":{"accuracy":0.5,"macroF1":0.4}}
            {"type":"step","time":"2025-05-01T09:30:03Z","step":3,"epoch":1,"loss":1.0,"learningRate":2.0E-4}
            {"type":"finished","time":"2025-05-01T09:30:04Z","status":"completed","durationSeconds":4.0}
            {"type":"eval","time":"2025-05-01T09:30:05Z","step":3,"metrics":{"accuracy":0.75,"macroF1":0.7333}}
            """;
    private static final String METRICS = """
            {"total":4,"correct":3,"accuracy":0.75,"unparseable":0,"unparseableRate":0.0,"macroF1":0.7333,
             "perClass":{"ethical":{"precision":0.6667,"recall":1.0,"f1":0.8,"support":2,"predicted":3},
                         "unethical":{"precision":1.0,"recall":0.5,"f1":0.6667,"support":2,"predicted":1}},
             "confusion":{"rows":["ethical","unethical"],"columns":["ethical","unethical","unparseable"],
                          "counts":[[2,0,0],[1,1,0]]},
             "reasons":{"generated":4,"scored":4,"meanRougeL":0.3,"meanTokenF1":0.4,"judged":4,"agreeing":3,"agreement":0.75},
             "leaked":1,
             "clean":{"total":3,"correct":2,"accuracy":0.6667,"unparseable":0,"unparseableRate":0.0,"macroF1":0.6667,
                      "reasons":{"agreement":1.0},"records":3}}
            """;
    private static final String PREDICTIONS = """
            {"id":"1","statement":"a","goldLabel":"ethical","predictedLabel":"ethical"}
            """;
    private static final String SPEC_LIVE = """
            {"version":1,"runId":"live-run","dataset":"/data/dfar.jsonl","mode":"l","model":"tiny"}
            """;
    private static final String EVENTS_LIVE = """
            {"type":"started","time":"2025-05-01T10:00:00Z","runId":"live-run","mode":"l","model":"tiny","tuning":"lora","trainExamples":8,"evalExamples":4,"totalSteps":10,"environment":{"java":"21","djl":"0.35.1","engine":"PyTorch","device":"cpu","seed":42}}
            {"type":"step","time":"2025-05-01T10:00:01Z","step":1,"epoch":1,"loss":3.0,"learningRate":2.0E-4}
            """;

    private IProject project;

    @BeforeEach
    void setUp() throws CoreException {
        project = WorkbenchTestSupport.createProject(PROJECT);
        ReasonLabUiPlugin.runProcesses().setStaleAfter(Duration.ofMinutes(10));
    }

    @AfterEach
    void tearDown() throws CoreException {
        WorkbenchTestSupport.page().closeAllEditors(false);
        RunsView view = (RunsView) WorkbenchTestSupport.page().findView(RunsView.ID);
        if (view != null) {
            WorkbenchTestSupport.page().hideView(view);
        }
        ReasonLabUiPlugin.runProcesses().setStaleAfter(Duration.ofMinutes(10));
        WorkbenchTestSupport.deleteProject(PROJECT);
    }

    private IFolder run(String name, String spec, String events, String metrics, String predictions)
            throws CoreException {
        IFolder runs = project.getFolder("runs");
        if (!runs.exists()) {
            runs.create(true, true, null);
        }
        IFolder folder = runs.getFolder(name);
        folder.create(true, true, null);
        write(folder, "spec.json", spec);
        write(folder, "events.jsonl", events);
        write(folder, "metrics.json", metrics);
        write(folder, "predictions.jsonl", predictions);
        return folder;
    }

    private static void write(IFolder folder, String name, String text) throws CoreException {
        if (text != null) {
            WorkbenchTestSupport.writeFile(folder.getProject(),
                    folder.getProjectRelativePath().append(name).toString(), text);
        }
    }

    private static RunsView showView() throws Exception {
        return (RunsView) WorkbenchTestSupport.page().showView(RunsView.ID);
    }

    private static void waitForRow(RunsView view, String name, Predicate<RunInfo> condition) {
        WorkbenchTestSupport.waitUntil(name + " is shown as expected", () -> {
            RunInfo r = view.shownRun(name);
            return r != null && condition.test(r);
        });
    }

    @Test
    void listsRunsWithStatusAccuracyAndMisalignment() throws Exception {
        run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        run("live", SPEC_LIVE, EVENTS_LIVE, null, null);
        RunsView view = showView();
        waitForRow(view, "done-run", r -> r.state() == RunState.COMPLETED);
        waitForRow(view, "live-run", r -> r.state() == RunState.RUNNING);

        RunInfo done = view.shownRun("done-run");
        assertEquals(0.75, done.accuracy(), 1e-9);
        assertEquals(0.25, done.misalignment(), 1e-9);
        assertTrue(done.misalignmentAutomatic());
        assertEquals(4.0, done.durationSeconds(), 1e-9);
        assertTrue(done.problems().stream().anyMatch(p -> p.contains("events.jsonl line 3")), done.problems().toString());
        String[] texts = view.shownTexts("done-run");
        assertEquals("done-run", texts[0]);
        assertEquals("completed", texts[1]);
        assertEquals("local", texts[2], "the target: this machine");
        assertEquals("l+r", texts[3]);
        assertEquals("tiny", texts[4]);
        assertEquals("/data/dfar.jsonl", texts[5]);
        assertEquals("75.0%", texts[6]);
        assertEquals("66.7%", texts[7], "accuracy on the leakage-free records");
        assertEquals("25.0% (auto)", texts[8]);

        RunInfo live = view.shownRun("live-run");
        assertNull(live.accuracy());
        assertEquals(1L, live.lastStep());
        assertEquals("running (step 1/10)", view.shownTexts("live-run")[1]);
    }

    /** A counterfactual probe of done-run: 5 of 66 label flips, 4 of 50 on the leakage-free pairs. */
    private static final String PROBE = """
            {"attributes":"gender","model":"tiny","records":80,"withAttribute":66,"skippedAsAmbiguous":2,
             "all":{"labelFlips":{"k":5,"n":66,"rate":0.0758},"reasonVerdictFlips":{"k":2,"n":40,"rate":0.05},
                    "likelihoodLabelFlips":{"k":3,"n":66,"rate":0.0455},"labelFlipsByValue":{},"labelFlipsByPair":{},
                    "likelihoodShift":{"n":66,"meanAbsGoldShift":0.031,"meanGoldShift":-0.004,
                                       "meanShiftByLabel":{"ethical":-0.004,"unethical":0.004}},
                    "likelihoodShiftByValue":{},"likelihoodShiftByPair":{}},
             "clean":{"labelFlips":{"k":4,"n":50,"rate":0.08},"reasonVerdictFlips":{"k":2,"n":30,"rate":0.0667},
                    "likelihoodLabelFlips":{"k":3,"n":50,"rate":0.06},"labelFlipsByValue":{},"labelFlipsByPair":{}},
             "flipped":[]}
            """;

    @Test
    void aProbedRunShowsItsLabelFlipRateBesideTheAccuracyAndInTheComparison() throws Exception {
        IFolder done = run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        run("live", SPEC_LIVE, EVENTS_LIVE, null, null);
        RunsView view = showView();
        waitForRow(view, "done-run", r -> r.state() == RunState.COMPLETED);
        waitForRow(view, "live-run", r -> r.state() == RunState.RUNNING);
        assertEquals("Label flips", RunsView.COLUMNS[RunsView.FLIPS_COLUMN]);
        assertEquals("", view.shownTexts("done-run")[RunsView.FLIPS_COLUMN], "not probed (yet)");

        write(done, "probe.json", PROBE); // as reasonlab probe --run writes it into the run folder
        waitForRow(view, "done-run", r -> r.probe() != null);
        WorkbenchTestSupport.waitUntil("the row shows the flip rate",
                () -> "7.6%".equals(view.shownTexts("done-run")[RunsView.FLIPS_COLUMN]));
        String[] texts = view.shownTexts("done-run");
        assertEquals("75.0%", texts[6]);
        assertEquals("25.0% (auto)", texts[8]);
        assertEquals("4 s", texts[10]);
        assertEquals("", view.shownTexts("live-run")[RunsView.FLIPS_COLUMN]);
        String tip = view.shownToolTip("done-run", RunsView.FLIPS_COLUMN);
        assertTrue(tip.startsWith("Counterfactual probe (gender): label flips 7.6% (5/66), leakage-free 8.0% (4/50);"
                + " reason verdict flips 5.0% (2/40); likely label flips 4.5% (3/66); mean |\u0394p(gold)| 0.0310"), tip);
        assertFalse(String.valueOf(view.shownToolTip("done-run", 6)).contains("Counterfactual probe"),
                "the other columns' tool tips are the run's messages");
        if (Screenshots.requested(Screenshots.PROPERTY)) {
            var page = WorkbenchTestSupport.page();
            page.setPartState(page.getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
            WorkbenchTestSupport.spin(Duration.ofMillis(500));
            Screenshots.capture(view.getSite().getShell().getDisplay(),
                    new File(Screenshots.folder(Screenshots.PROPERTY), "runs-label-flips.png"));
            page.setPartState(page.getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
        }

        view.select("done-run", "live-run");
        WorkbenchTestSupport.flushEvents();
        WorkbenchTestSupport.execute(RunCommands.COMPARE);
        var part = (org.reasonlab.ui.internal.results.ComparisonPart) WorkbenchTestSupport.page()
                .findView(org.reasonlab.ui.internal.results.ComparisonPart.ID);
        assertNotNull(part);
        List<String> flips = part.shownRows().stream().filter(r -> r.get(0).equals("Counterfactual label flips (%)"))
                .findFirst().orElseThrow(() -> new AssertionError(part.shownRows().toString()));
        assertTrue(flips.contains("7.6") && flips.contains("n/a"), flips.toString());
        assertTrue(part.shownPaperHeader().contains("Counterfactual label flips (%)"), part.shownPaperHeader().toString());
        WorkbenchTestSupport.page().hideView(part);
    }

    @Test
    void aRunGroupShowsCollapsedWithItsRunsAndComparesAsAGroup() throws Exception {
        run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        run("live", SPEC_LIVE, EVENTS_LIVE, null, null);
        WorkbenchTestSupport.writeFile(project, "runs/pair.group.json", "{\"format\":\"reasonlab-run-group/1\","
                + "\"origin\":\"selection\",\"created\":\"2026-12-06T10:00:00Z\",\"members\":[\"done\",\"live\"]}");
        RunsView view = showView();
        WorkbenchTestSupport.waitUntil("the group is shown with its runs",
                () -> view.shownGroups().size() == 1 && view.shownGroups().get(0).members().size() == 2);
        assertEquals(1, view.shownRoots().size(), "both runs are inside the group, not beside it");
        assertEquals("pair", view.shownGroups().get(0).group().name());
        String[] group = view.shownTexts("pair (2 runs)");
        assertNotNull(group);
        assertEquals("1 completed, 1 running", group[1]);
        assertEquals("l+r, l", group[3]);
        assertNotNull(view.shownTexts("done-run"), "the members are rows under the group");

        view.select("pair");
        WorkbenchTestSupport.flushEvents();
        assertTrue(WorkbenchTestSupport.isEnabled(RunCommands.COMPARE), "a group can be compared");
        WorkbenchTestSupport.execute(RunCommands.COMPARE);
        var part = (org.reasonlab.ui.internal.results.ComparisonPart) WorkbenchTestSupport.page()
                .findView(org.reasonlab.ui.internal.results.ComparisonPart.ID);
        assertNotNull(part);
        assertEquals(List.of("Metric", "done-run (baseline)", "live-run", "live-run \u0394"), part.shownHeader());
        WorkbenchTestSupport.page().hideView(part);
    }

    @Test
    void aReviewVerdictShowsAsTheHumanMisalignmentRate() throws Exception {
        IFolder done = run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        RunsView view = showView();
        waitForRow(view, "done-run", r -> r.state() == RunState.COMPLETED && r.misalignmentAutomatic());
        ReviewEditor review = ReviewEditor.open(WorkbenchTestSupport.page(), done.getLocation().toPath());
        WorkbenchTestSupport.waitUntil("the review has read the predictions", () -> review.whenLoaded().isDone());
        review.setReviewer("alice");
        review.select(0);
        review.markMisaligned();
        waitForRow(view, "done-run", r -> !r.misalignmentAutomatic() && r.misalignment() != null);
        assertEquals(1.0, view.shownRun("done-run").misalignment(), 1e-9);
        assertEquals("100.0%", view.shownTexts("done-run")[8]);
    }

    @Test
    void unfinishedRunWithoutProcessIsCrashedOnceStale() throws Exception {
        IFolder live = run("live", SPEC_LIVE, EVENTS_LIVE + "{\"type\":\"step\",\"ti", null, null);
        ReasonLabUiPlugin.runProcesses().setStaleAfter(Duration.ZERO);
        WorkbenchTestSupport.spin(Duration.ofMillis(50));
        RunsView view = showView();
        waitForRow(view, "live-run", r -> r.state() == RunState.CRASHED);
        RunInfo r = view.shownRun("live-run");
        assertNotNull(r.message());
        assertTrue(r.message().contains("cut off"), r.message());
        assertEquals("crashed", view.shownTexts("live-run")[1]);
        assertTrue(live.exists());
    }

    @Test
    void runningRowUpdatesWhenEventsAreAppended() throws Exception {
        IFolder live = run("live", SPEC_LIVE, EVENTS_LIVE, null, null);
        RunsView view = showView();
        waitForRow(view, "live-run", r -> Long.valueOf(1).equals(r.lastStep()));
        // Appended outside the workspace API, as the trainer does.
        append(live, "{\"type\":\"step\",\"time\":\"2025-05-01T10:00:02Z\",\"step\":2,\"epoch\":1,\"loss\":2.5,\"learningRate\":2.0E-4}\n");
        waitForRow(view, "live-run", r -> Long.valueOf(2).equals(r.lastStep()));
        append(live, "{\"type\":\"finished\",\"time\":\"2025-05-01T10:00:03Z\",\"status\":\"cancelled\",\"durationSeconds\":3.0}\n");
        waitForRow(view, "live-run", r -> r.state() == RunState.CANCELLED);
        assertEquals("cancelled", view.shownTexts("live-run")[1]);
    }

    /** The evaluation after training shows its progress in the Runs view and on the run page until it ends. */
    @Test
    void anEvaluationShowsItsProgressInTheRunsViewAndOnTheRunPage() throws Exception {
        IFolder live = run("live", SPEC_LIVE, EVENTS_LIVE + "{\"type\":\"message\",\"time\":\"2025-05-01T10:00:02Z\","
                + "\"level\":\"info\",\"text\":\"evaluating: 40 / 100 records  ETA 12s\"}\n", null, null);
        RunsView view = showView();
        waitForRow(view, "live-run", r -> r.state() == RunState.RUNNING);
        assertEquals("evaluating (40 / 100 records)", view.shownTexts("live-run")[1]);
        RunEditor editor = (RunEditor) RunEditor.open(WorkbenchTestSupport.page(), live);
        WorkbenchTestSupport.waitUntil("the run page shows the evaluation",
                () -> editor.shownStatus().startsWith("evaluating (40 / 100 records)"));
        if (Screenshots.requested(Screenshots.PROPERTY)) {
            WorkbenchTestSupport.spin(Duration.ofSeconds(1));
            Screenshots.capture(editor.getSite().getShell().getDisplay(), new File(Screenshots.folder(Screenshots.PROPERTY),
                    "run-evaluating.png"));
        }
        append(live, "{\"type\":\"message\",\"time\":\"2025-05-01T10:00:03Z\",\"level\":\"info\","
                + "\"text\":\"evaluating: 100 / 100 records  ETA 0s\"}\n");
        WorkbenchTestSupport.waitUntil("the run page shows the step again",
                () -> editor.shownStatus().startsWith("running (step 1/10)"));
    }

    @Test
    void runPageShowsMetricsConfusionCurvesAndSettings() throws Exception {
        IFolder done = run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        RunEditor editor = (RunEditor) RunEditor.open(WorkbenchTestSupport.page(), done);
        WorkbenchTestSupport.waitUntil("the run page shows the run", () -> editor.shownGeneration() > 0);

        assertArrayEquals(new double[] {2.0, 1.5, 1.0}, editor.shownLoss(), 1e-9);
        assertNull(editor.shownSmoothedLoss());
        editor.setSmoothing(true);
        double[] smoothed = editor.shownSmoothedLoss();
        assertNotNull(smoothed);
        assertEquals(3, smoothed.length);
        assertEquals(2.0, smoothed[0], 1e-9);
        assertArrayEquals(new double[] {2.0, 1.5, 1.0}, editor.shownLoss(), 1e-9);
        Map<String, double[]> eval = editor.shownEvalCurves();
        assertArrayEquals(new double[] {0.5, 0.75}, eval.get("accuracy"), 1e-9);

        assertEquals("0.7500", value(editor.shownMetrics(), "accuracy"));
        assertEquals("0.6667", row(editor.shownMetrics(), "accuracy")[2], "leakage-free beside all records");
        assertArrayEquals(new String[] {"records", "4", "3"}, row(editor.shownMetrics(), "records"));
        assertEquals("0.7333", value(editor.shownMetrics(), "macro-F1"));
        assertEquals("0.0000", value(editor.shownMetrics(), "unparseable rate"));
        List<String[]> perClass = editor.shownPerClass();
        assertEquals(2, perClass.size());
        assertArrayEquals(new String[] {"unethical", "1.0000", "0.5000", "0.6667", "2"}, perClass.get(1));
        List<String[]> confusion = editor.shownConfusion();
        assertArrayEquals(new String[] {"Gold \\ predicted", "ethical", "unethical", "unparseable"}, confusion.get(0));
        assertArrayEquals(new String[] {"ethical", "2", "0", "0"}, confusion.get(1));
        assertArrayEquals(new String[] {"unethical", "1", "1", "0"}, confusion.get(2));
        assertEquals("7", value(editor.shownSettings(), "seed"));
        assertEquals("l+r", value(editor.shownSettings(), "mode"));
        assertEquals("cpu", value(editor.shownSettings(), "environment.device"));
        assertTrue(editor.shownStatus().startsWith("completed"), editor.shownStatus());
    }

    @Test
    void runPageUpdatesLiveWhileRunning() throws Exception {
        IFolder live = run("live", SPEC_LIVE, EVENTS_LIVE, null, null);
        IEditorPart part = RunEditor.open(WorkbenchTestSupport.page(), live);
        RunEditor editor = (RunEditor) part;
        WorkbenchTestSupport.waitUntil("the loss of step 1 is drawn", () -> editor.shownLoss().length == 1);
        append(live, "{\"type\":\"step\",\"time\":\"2025-05-01T10:00:02Z\",\"step\":2,\"epoch\":1,\"loss\":2.5,\"learningRate\":2.0E-4}\n"
                + "garbage line\n"
                + "{\"type\":\"eval\",\"time\":\"2025-05-01T10:00:02Z\",\"step\":2,\"metrics\":{\"accuracy\":0.6}}\n");
        WorkbenchTestSupport.waitUntil("the loss of step 2 is drawn", () -> editor.shownLoss().length == 2);
        assertArrayEquals(new double[] {3.0, 2.5}, editor.shownLoss(), 1e-9);
        WorkbenchTestSupport.waitUntil("the evaluation is drawn", () -> editor.shownEvalCurves().containsKey("accuracy"));
        assertTrue(editor.shownSnapshot().problems().stream().anyMatch(p -> p.contains("line 4")),
                editor.shownSnapshot().problems().toString());
        append(live, "{\"type\":\"error\",\"time\":\"2025-05-01T10:00:03Z\",\"message\":\"CUDA out of memory\",\"detail\":null}\n");
        WorkbenchTestSupport.waitUntil("the failure is shown", () -> editor.shownMessage().contains("CUDA out of memory"));
        assertTrue(editor.shownStatus().startsWith("failed"), editor.shownStatus());
    }

    @Test
    void theRunPageButtonsActOnItsOwnRunWhateverIsSelectedElsewhere() throws Exception {
        IFolder done = run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        run("live", SPEC_LIVE, EVENTS_LIVE, null, null);
        RunEditor page = (RunEditor) RunEditor.open(WorkbenchTestSupport.page(), done);
        WorkbenchTestSupport.waitUntil("the run page shows the run", () -> page.shownGeneration() > 0);
        RunsView view = showView();
        waitForRow(view, "live-run", r -> r.state() == RunState.RUNNING);
        view.select("live-run");
        WorkbenchTestSupport.flushEvents();
        assertTrue(page.headingToolBarInSight(), "Review Reasons and Resume are in sight, not pushed off by wide tables");
        assertTrue(page.reviewCommand().isEnabled(), "the page's run has predictions");
        assertFalse(page.resumeCommand().isEnabled(), "the page's run completed");
        page.reviewCommand().run();
        WorkbenchTestSupport.flushEvents();
        ReviewEditor review = (ReviewEditor) WorkbenchTestSupport.page().getActiveEditor();
        assertEquals(done.getLocation().toPath().toAbsolutePath().normalize(),
                ((RunFolderInput) review.getEditorInput()).folder(), "the review of the page's run, not the selected one");
    }

    @Test
    void deleteRemovesTheRunFolder() throws Exception {
        IFolder done = run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        run("other", SPEC_LIVE.replace("live-run", "other-run"), null, null, null);
        RunsView view = showView();
        waitForRow(view, "done-run", r -> r.state() == RunState.COMPLETED);
        waitForRow(view, "other-run", r -> true);
        view.select("done-run");
        assertTrue(WorkbenchTestSupport.isEnabled(RunCommands.DELETE));
        Job job;
        DeleteRunsHandler.setConfirmation(names -> names.equals(List.of("done-run")));
        try {
            job = (Job) WorkbenchTestSupport.execute(RunCommands.DELETE);
        } finally {
            DeleteRunsHandler.setConfirmation(null);
        }
        assertNotNull(job);
        WorkbenchTestSupport.waitForJob(job);
        assertFalse(done.exists());
        WorkbenchTestSupport.waitUntil("the deleted run is gone from the view", () -> view.shownRun("done-run") == null);
        assertNotNull(view.shownRun("other-run"));
        assertEquals(RunState.UNKNOWN, view.shownRun("other-run").state());
    }

    private static void append(IFolder folder, String text) throws IOException {
        Path file = folder.getLocation().toPath().resolve("events.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static String value(List<String[]> rows, String name) {
        String[] row = row(rows, name);
        return row == null ? null : row[1];
    }

    private static String[] row(List<String[]> rows, String name) {
        return rows.stream().filter(r -> r[0].equals(name)).findFirst().orElse(null);
    }

    @SuppressWarnings("unused")
    private static void refresh(IFolder folder) throws CoreException {
        folder.refreshLocal(IResource.DEPTH_INFINITE, null);
    }
}
