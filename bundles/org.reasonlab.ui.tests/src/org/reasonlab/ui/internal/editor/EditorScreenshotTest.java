package org.reasonlab.ui.internal.editor;

import java.io.File;
import java.time.Duration;

import org.eclipse.core.resources.IFile;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.reasonlab.ui.internal.Screenshots;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.samples.SampleProjectCreator;

/**
 * Screenshots of the dataset editor's records, statistics and agreement pages on the sample dataset, into the
 * folder named by the system property {@value Screenshots#PROPERTY} (skipped without it).
 */
class EditorScreenshotTest {
    @Test
    void screenshotsOfTheDatasetEditor() throws Exception {
        File folder = Screenshots.folder(Screenshots.PROPERTY);
        Shell shell = WorkbenchTestSupport.window().getShell();
        IWorkbenchPage page = Screenshots.reasonLabPerspective(shell);
        IFile dataset = new SampleProjectCreator().createOrReuse(null);
        DatasetEditor editor = (DatasetEditor) IDE.openEditor(page, dataset, true);
        WorkbenchTestSupport.waitUntil("the sample is loaded", () -> editor.whenLoaded().isDone());
        WorkbenchTestSupport.spin(Duration.ofSeconds(1));
        editor.selectRow(1);
        WorkbenchTestSupport.spin(Duration.ofSeconds(2));
        Screenshots.capture(shell.getDisplay(), new File(folder, "editor-records.png"));
        editor.showStatisticsPage();
        WorkbenchTestSupport.spin(Duration.ofSeconds(3));
        Screenshots.capture(shell.getDisplay(), new File(folder, "editor-statistics.png"));
        editor.showAgreementPage();
        WorkbenchTestSupport.spin(Duration.ofSeconds(3));
        Screenshots.capture(shell.getDisplay(), new File(folder, "editor-agreement.png"));
        page.closeAllEditors(false);
    }
}
