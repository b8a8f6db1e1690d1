package org.reasonlab.ui.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.junit.jupiter.api.Test;
import org.reasonlab.ui.internal.perspective.ReasonLabPerspectiveFactory;
import org.reasonlab.ui.internal.samples.SampleProjectCreator;
import org.reasonlab.ui.internal.views.overview.DatasetOverviewView;

/**
 * Captures the workbench showing the ReasonLab perspective with the overview of the sample
 * dataset, into the PNG file named by the system property {@value #PROPERTY}; skipped without it.
 */
class WorkbenchScreenshotTest {
    static final String PROPERTY = "reasonlab.screenshot";

    @Test
    void screenshotOfTheSampleOverview() throws Exception {
        String target = System.getProperty(PROPERTY, "");
        assumeTrue(target.toLowerCase(Locale.ROOT).endsWith(".png"),
                "set -D" + PROPERTY + "=file.png to take a screenshot");

        Shell shell = WorkbenchTestSupport.window().getShell();
        shell.setMaximized(false);
        shell.setBounds(0, 0, 1600, 1000);
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(ReasonLabPerspectiveFactory.ID,
                WorkbenchTestSupport.window());
        page.resetPerspective();
        IFile file = new SampleProjectCreator().createOrReuse(null);

        IViewPart explorer = page.showView(IPageLayout.ID_PROJECT_EXPLORER);
        page.activate(explorer);
        ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(file));
        DatasetOverviewView view = (DatasetOverviewView) page.showView(DatasetOverviewView.ID, null,
                IWorkbenchPage.VIEW_VISIBLE);
        view.showDataset(file);
        WorkbenchTestSupport.waitForOverview(view);
        assertNotNull(view.shownOverview(), () -> "overview shown, not: " + view.shownMessage());
        page.activate(explorer);
        WorkbenchTestSupport.spin(Duration.ofSeconds(2));

        File png = new File(target).getAbsoluteFile();
        capture(shell, png);
        assertTrue(png.length() > 0, png + " written");
    }

    private static void capture(Shell shell, File png) {
        Display display = shell.getDisplay();
        shell.forceActive();
        shell.update();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        try {
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            png.getParentFile().mkdirs();
            loader.save(png.getPath(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
