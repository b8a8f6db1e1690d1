package org.reasonlab.ui.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.ui.internal.Screenshots;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.launch.TrainerClassPath;
import org.reasonlab.ui.internal.launch.TrainerJob;
import org.reasonlab.ui.internal.runs.RunEditor;
import org.reasonlab.ui.internal.runs.RunsView;
import org.reasonlab.ui.internal.runs.TrainerTestSupport;
import org.reasonlab.ui.internal.samples.SampleLaunchConfigurations;
import org.reasonlab.ui.internal.samples.SampleProjectCreator;

/**
 * Screenshots of the fine-tuning workflow on the sample workspace, into the folder named by the system property
 * {@value #PROPERTY} (skipped without it): a live run, the finished run's page, the comparison
 * of the pre-trained, L and L+R runs, and the reason review. {@code EditorScreenshotTest} takes the dataset
 * editor's.
 */
class ResultsScreenshotTest {
    static final String PROPERTY = Screenshots.PROPERTY;

    @Test
    void screenshotsOfTheFineTuningWorkflow() throws Exception {
        File folder = Screenshots.folder(PROPERTY);
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");

        Shell shell = WorkbenchTestSupport.window().getShell();
        IWorkbenchPage page = Screenshots.reasonLabPerspective(shell);
        IFile dataset = new SampleProjectCreator().createOrReuse(null);
        IProject project = dataset.getProject();
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfiguration pretrained = manager.getLaunchConfiguration(
                project.getFile(SampleLaunchConfigurations.PRETRAINED + ".launch"));
        ILaunchConfiguration labelOnly = manager.getLaunchConfiguration(
                project.getFile(SampleLaunchConfigurations.LABEL_ONLY + ".launch"));
        ILaunchConfiguration labelAndReason = manager.getLaunchConfiguration(
                project.getFile(SampleLaunchConfigurations.LABEL_AND_REASON + ".launch"));

        Display display = shell.getDisplay();
        RunsView runs = (RunsView) page.showView(RunsView.ID);
        TrainerJob base = TrainerJob.of(pretrained.launch(ILaunchManager.RUN_MODE, null));
        TrainerTestSupport.waitFor(base);
        TrainerJob l = TrainerJob.of(labelOnly.launch(ILaunchManager.RUN_MODE, null));
        TrainerTestSupport.waitFor(l);

        TrainerJob lr = TrainerJob.of(labelAndReason.launch(ILaunchManager.RUN_MODE, null));
        TrainerTestSupport.spinUntil(() -> lr.progress().step() >= 60 || lr.getState() == TrainerJob.NONE);
        TrainerTestSupport.waitForRun(runs, lr.runDirectory(), r -> r.state() == RunState.RUNNING);
        page.showView(RunsView.ID);
        RunEditor live = (RunEditor) RunEditor.open(page, container(lr.runDirectory()));
        WorkbenchTestSupport.spin(Duration.ofSeconds(3));
        Screenshots.capture(display, new File(folder, "live-run.png"));
        TrainerTestSupport.waitFor(lr);
        assertEquals(RunStatus.COMPLETED, lr.outcome(), () -> lr.getResult().getMessage());
        TrainerTestSupport.waitForRun(runs, lr.runDirectory(), r -> r.state() == RunState.COMPLETED);
        TrainerTestSupport.waitForMetric(live, "accuracy");
        WorkbenchTestSupport.spin(Duration.ofSeconds(2));
        Screenshots.capture(display, new File(folder, "run-page.png"));

        List<Path> compared = new ArrayList<>(List.of(base.runDirectory(), l.runDirectory(), lr.runDirectory()));
        ComparisonPart comparison = ComparisonPart.show(page, compared);
        assertNotNull(comparison.comparisonTable());
        page.setPartState(page.getReference(comparison), IWorkbenchPage.STATE_MAXIMIZED);
        WorkbenchTestSupport.spin(Duration.ofSeconds(2));
        Screenshots.capture(display, new File(folder, "comparison.png"));
        page.setPartState(page.getReference(comparison), IWorkbenchPage.STATE_RESTORED);

        ReviewEditor review = ReviewEditor.open(page, lr.runDirectory());
        WorkbenchTestSupport.waitUntil("the review has read the predictions", () -> review.whenLoaded().isDone());
        review.setReviewer("maria");
        for (int i = 0; i < Math.min(4, review.shownKeys().size()); i++) {
            review.select(i);
            if (i % 3 == 2) {
                review.markMisaligned();
            } else {
                review.markAligned();
            }
        }
        review.select(0);
        page.setPartState(page.getReference(review), IWorkbenchPage.STATE_MAXIMIZED);
        WorkbenchTestSupport.spin(Duration.ofSeconds(2));
        Screenshots.capture(display, new File(folder, "review.png"));
        page.setPartState(page.getReference(review), IWorkbenchPage.STATE_RESTORED);
        page.closeAllEditors(false);
    }

    private static IContainer container(Path folder) throws Exception {
        for (IContainer c : ResourcesPlugin.getWorkspace().getRoot().findContainersForLocationURI(folder.toUri())) {
            c.getParent().refreshLocal(IResource.DEPTH_INFINITE, null);
            if (c.exists()) {
                return c;
            }
        }
        throw new AssertionError(folder + " is not in the workspace");
    }
}
