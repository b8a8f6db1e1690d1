package org.reasonlab.ui.tests.launch;

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
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.ui.editor.DatasetEditor;
import org.reasonlab.ui.launch.TrainerClassPath;
import org.reasonlab.ui.launch.TrainerJob;
import org.reasonlab.ui.perspective.ReasonLabPerspectiveFactory;
import org.reasonlab.ui.results.ComparisonPart;
import org.reasonlab.ui.results.ReviewEditor;
import org.reasonlab.ui.runs.RunEditor;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.ui.runs.RunsView;
import org.reasonlab.ui.samples.SampleLaunchConfigurations;
import org.reasonlab.ui.samples.SampleProjectCreator;
import org.reasonlab.ui.tests.WorkbenchTestSupport;

/**
 * Screenshots of the fine-tuning workflow on the sample workspace, into the folder named by the system property
 * {@value #PROPERTY} (skipped without it): a live run, the finished run's page, the comparison
 * of the pre-trained, L and L+R runs, and the reason review; and the dataset editor's records, statistics and
 * agreement pages on the sample dataset.
 */
class ResultsScreenshotTest {
    static final String PROPERTY = "reasonlab.screenshots";

    @Test
    void screenshotsOfTheFineTuningWorkflow() throws Exception {
        File folder = screenshotFolder();
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");

        Shell shell = WorkbenchTestSupport.window().getShell();
        IWorkbenchPage page = reasonLabPerspective(shell);
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
        capture(display, new File(folder, "live-run.png"));
        TrainerTestSupport.waitFor(lr);
        assertEquals(RunStatus.COMPLETED, lr.outcome(), () -> lr.getResult().getMessage());
        TrainerTestSupport.waitForRun(runs, lr.runDirectory(), r -> r.state() == RunState.COMPLETED);
        WorkbenchTestSupport.waitUntil("the run page shows the metrics",
                () -> live.shownMetrics().stream().anyMatch(m -> m[0].equals("accuracy")));
        WorkbenchTestSupport.spin(Duration.ofSeconds(2));
        capture(display, new File(folder, "run-page.png"));

        List<Path> compared = new ArrayList<>(List.of(base.runDirectory(), l.runDirectory(), lr.runDirectory()));
        ComparisonPart comparison = ComparisonPart.show(page, compared);
        assertNotNull(comparison.comparisonTable());
        page.setPartState(page.getReference(comparison), IWorkbenchPage.STATE_MAXIMIZED);
        WorkbenchTestSupport.spin(Duration.ofSeconds(2));
        capture(display, new File(folder, "comparison.png"));
        page.setPartState(page.getReference(comparison), IWorkbenchPage.STATE_RESTORED);

        ReviewEditor review = ReviewEditor.open(page, lr.runDirectory());
        WorkbenchTestSupport.flushEvents();
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
        capture(display, new File(folder, "review.png"));
        page.setPartState(page.getReference(review), IWorkbenchPage.STATE_RESTORED);
        page.closeAllEditors(false);
    }

    @Test
    void screenshotsOfTheDatasetEditor() throws Exception {
        File folder = screenshotFolder();
        Shell shell = WorkbenchTestSupport.window().getShell();
        IWorkbenchPage page = reasonLabPerspective(shell);
        IFile dataset = new SampleProjectCreator().createOrReuse(null);
        DatasetEditor editor = (DatasetEditor) org.eclipse.ui.ide.IDE.openEditor(page, dataset, true);
        WorkbenchTestSupport.waitUntil("the sample is loaded", () -> editor.whenLoaded().isDone());
        WorkbenchTestSupport.spin(Duration.ofSeconds(1));
        editor.selectRow(1);
        WorkbenchTestSupport.spin(Duration.ofSeconds(2));
        capture(shell.getDisplay(), new File(folder, "editor-records.png"));
        editor.showStatisticsPage();
        WorkbenchTestSupport.spin(Duration.ofSeconds(3));
        capture(shell.getDisplay(), new File(folder, "editor-statistics.png"));
        editor.showAgreementPage();
        WorkbenchTestSupport.spin(Duration.ofSeconds(3));
        capture(shell.getDisplay(), new File(folder, "editor-agreement.png"));
        page.closeAllEditors(false);
    }

    /** The folder named by {@value #PROPERTY}; skips the test without it. */
    private static File screenshotFolder() {
        String target = System.getProperty(PROPERTY, "");
        assumeTrue(!target.isBlank() && !target.equals("none"), "set -D" + PROPERTY + "=FOLDER to take screenshots");
        File folder = new File(target).getAbsoluteFile();
        folder.mkdirs();
        return folder;
    }

    /** The workbench at 1600x1000 in a fresh ReasonLab perspective. */
    private static IWorkbenchPage reasonLabPerspective(Shell shell) throws Exception {
        shell.setMaximized(false);
        shell.setBounds(0, 0, 1600, 1000);
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(ReasonLabPerspectiveFactory.ID,
                WorkbenchTestSupport.window());
        page.resetPerspective();
        return page;
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

    private static void capture(Display display, File png) {
        WorkbenchTestSupport.flushEvents();
        Rectangle bounds = display.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, 0, 0);
        } finally {
            gc.dispose();
        }
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            loader.save(png.getPath(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
