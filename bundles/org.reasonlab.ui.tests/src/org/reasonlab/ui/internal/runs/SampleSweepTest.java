package org.reasonlab.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.review.blind.ReviewSession;
import org.reasonlab.core.run.group.RunGroupFile;
import org.reasonlab.ui.RunCommands;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.Screenshots;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.launch.TrainerClassPath;
import org.reasonlab.ui.internal.launch.TrainerJob;
import org.reasonlab.ui.internal.results.BlindReviewAccess;
import org.reasonlab.ui.internal.results.BlindReviewEditor;
import org.reasonlab.ui.internal.results.ComparisonPart;
import org.reasonlab.ui.internal.samples.SampleLaunchConfigurations;
import org.reasonlab.ui.internal.samples.SampleProjectCreator;

/**
 * The sample workspace's ready sweep: L and L+R over three seeds on the tiny model, trained one after another on
 * this machine, shown as one run group in the Runs view; comparing the group shows the statistics over seeds and the
 * paired tests (screenshots with -Dreasonlab.screenshots=DIR).
 */
class SampleSweepTest {

    @AfterEach
    void tearDown() throws Exception {
        for (Job job : Job.getJobManager().find(JobFamilies.TRAINER)) {
            ((TrainerJob) job).requestStop();
            TrainerTestSupport.waitFor((TrainerJob) job);
        }
        var view = WorkbenchTestSupport.page().findView(ComparisonPart.ID);
        if (view != null) {
            WorkbenchTestSupport.page().hideView(view);
        }
        WorkbenchTestSupport.page().closeAllEditors(false);
        WorkbenchTestSupport.deleteProject(SampleProjectCreator.PROJECT_NAME);
    }

    @Test
    void theSampleSweepTrainsSixRunsAsOneGroupWhoseComparisonShowsTheStatistics() throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        IFile dataset = new SampleProjectCreator().createOrReuse(null);
        IProject project = dataset.getProject();
        IFile file = project.getFile(SampleLaunchConfigurations.SWEEP + ".launch");
        assertTrue(file.exists(), file + " is part of the sample project");
        ILaunchConfiguration sweep = DebugPlugin.getDefault().getLaunchManager().getLaunchConfiguration(file);
        IWorkbenchPage page = Screenshots.requested(Screenshots.PROPERTY)
                ? Screenshots.reasonLabPerspective(WorkbenchTestSupport.window().getShell())
                : WorkbenchTestSupport.page();
        RunsView view = (RunsView) page.showView(RunsView.ID);

        sweep.launch(ILaunchManager.RUN_MODE, null);
        TrainerTestSupport.spinUntil(() -> view.shownGroups().size() == 1
                && view.shownGroups().get(0).members().size() == 6
                && view.shownGroups().get(0).members().stream()
                        .allMatch(r -> r.info().state() == RunState.COMPLETED && r.info().accuracy() != null),
                Duration.ofMinutes(20));
        RunGroupRow group = view.shownGroups().get(0);
        assertEquals(6, group.members().size(), "six runs of the sweep: " + group.statusText());
        assertEquals("6 completed", group.statusText());
        assertTrue(RunGroupFile.isGroupFile(Path.of(group.file().getName())));
        assertEquals(1, view.shownRoots().size(), "the runs are under their group");

        boolean screenshots = Screenshots.requested(Screenshots.PROPERTY);
        File folder = screenshots ? Screenshots.folder(Screenshots.PROPERTY) : null;
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        if (screenshots) {
            view.select(group.group().name());
            WorkbenchTestSupport.spin(Duration.ofSeconds(1));
            Screenshots.capture(display, new File(folder, "sweep-runs-view.png"));
        }
        view.select(group.group().name());
        WorkbenchTestSupport.execute(RunCommands.COMPARE);
        ComparisonPart part = (ComparisonPart) page.findView(ComparisonPart.ID);
        assertNotNull(part);
        part.joinStatistics();
        List<String> header = part.shownStatisticsHeader();
        assertEquals(3, header.size(), header::toString);
        assertTrue(header.get(1).endsWith(" L (baseline)") && header.get(2).endsWith(" L+R"), header::toString);
        List<String> accuracy = part.shownStatisticsRows().get(0);
        assertTrue(accuracy.get(1).contains("(n=3)") && accuracy.get(2).contains("(n=3)"), accuracy::toString);
        assertEquals(6, part.shownPairedRows().size(), "three L+R runs against their L seeds, all and leakage-free");
        assertTrue(part.shownPaperRows().stream().anyMatch(r -> r.get(0).startsWith("L+R")));

        // a blinded review of the group takes its L+R runs: the L runs have no reasons to review
        List<Path> reviewed = BlindReviewAccess.runsOf(new StructuredSelection(group));
        assertEquals(3, reviewed.size(), reviewed::toString);
        Path sessionFile = reviewed.get(0).getParent().resolve("sweep.review-session.json");
        ReviewSession.create(sessionFile, reviewed, 5, false, 10);
        BlindReviewEditor blind = BlindReviewEditor.open(page, sessionFile);
        WorkbenchTestSupport.waitUntil("the session is read", () -> blind.whenLoaded().isDone());
        int items = ReviewSession.open(sessionFile).size();
        assertTrue(items > 0 && items <= 30, "at most 10 reasons of each of the 3 runs: " + items);

        if (screenshots) {
            page.setPartState(page.getReference(part), IWorkbenchPage.STATE_MAXIMIZED);
            part.showTab("Statistics");
            WorkbenchTestSupport.spin(Duration.ofSeconds(1));
            Screenshots.capture(display, new File(folder, "sweep-statistics.png"));
            part.showTab("Paired tests");
            WorkbenchTestSupport.spin(Duration.ofSeconds(1));
            Screenshots.capture(display, new File(folder, "sweep-paired-tests.png"));
            part.showTab("Paper table");
            WorkbenchTestSupport.spin(Duration.ofSeconds(1));
            Screenshots.capture(display, new File(folder, "sweep-paper-table.png"));
            part.showTab("Differences");
            WorkbenchTestSupport.spin(Duration.ofSeconds(1));
            Screenshots.capture(display, new File(folder, "sweep-differences.png"));
            page.setPartState(page.getReference(part), IWorkbenchPage.STATE_RESTORED);
            page.activate(blind);
            page.setPartState(page.getReference(blind), IWorkbenchPage.STATE_MAXIMIZED);
            WorkbenchTestSupport.spin(Duration.ofSeconds(1));
            Screenshots.capture(display, new File(folder, "sweep-blinded-review.png"));
            page.setPartState(page.getReference(blind), IWorkbenchPage.STATE_RESTORED);
        }
    }
}
