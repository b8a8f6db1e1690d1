package org.reasonlab.ui.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.reasonlab.ui.ReasonLabUi;

/** Screenshots of the test workbench, for the screenshot tests that run on request. */
public final class Screenshots {
    /** The system property naming the folder the workflow and editor screenshots go to. */
    public static final String PROPERTY = "reasonlab.screenshots";

    private Screenshots() {
    }

    /** Whether the system property names a folder for screenshots. */
    public static boolean requested(String property) {
        String target = System.getProperty(property, "");
        return !target.isBlank() && !target.equals("none");
    }

    /** The folder named by the system property; skips the calling test without it. */
    public static File folder(String property) {
        String target = System.getProperty(property, "");
        assumeTrue(requested(property), "set -D" + property + "=FOLDER to take screenshots");
        File folder = new File(target).getAbsoluteFile();
        folder.mkdirs();
        return folder;
    }

    /** The workbench at 1600x1000 in a fresh ReasonLab perspective. */
    public static IWorkbenchPage reasonLabPerspective(Shell shell) throws Exception {
        shell.setMaximized(false);
        shell.setBounds(0, 0, 1600, 1000);
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(ReasonLabUi.PERSPECTIVE,
                WorkbenchTestSupport.window());
        page.resetPerspective();
        return page;
    }

    /** The whole display as a PNG file. */
    public static void capture(Display display, File png) {
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
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(png.getPath(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
